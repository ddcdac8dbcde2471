// The agent's state on the app state, pure.
import type { AgentStateView, AppState } from '../boundary/contract.js';

export function withAgentState(state: AppState, agent: AgentStateView): AppState {
  const before = state.agent;
  if (before && before.state === agent.state && before.reason === agent.reason) return state;
  return { ...state, agent };
}
