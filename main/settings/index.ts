// Settings, pure: what electron-store needs to keep them, and how updates are checked.
export { settingsSchema } from './schema.js';
export type { JsonSchema } from './schema.js';
export { settingsMigrations, repairStoredSettings } from './migrations.js';
export type { MigratingStore } from './migrations.js';
export { applySettingsPatch, windowSettingsPatch, WINDOW_SETTING_KEYS } from './patch.js';
export { readSettings } from './read.js';
export { SettingsError, settingsRefusal } from './rules.js';
export { BOUNDS, SETTING_KEYS, SETTING_LABELS } from './keys.js';
export { salvageSettingsText } from './salvage.js';
export { timingOf } from './timing.js';
export { settingsChanges } from './changes.js';
export { settingsFileNotice } from './file-notice.js';
export type { SettingsFileProblem } from './file-notice.js';
export type { SettingsChanges } from './changes.js';
