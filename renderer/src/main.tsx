import { render } from 'preact';
render(<p>Evo Voice Tray</p>, document.getElementById('app')!);
