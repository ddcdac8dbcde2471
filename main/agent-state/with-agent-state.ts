// The agent's state on the app state, pure.
import type { AgentStateView, AppState } from '../boundary/contract.js';

export function withAgentState(state: AppState, agent: AgentStateView): AppState {
  const before = state.agent;
  const same =
    before !== undefined &&
    before.state === agent.state &&
    before.reason === agent.reason &&
    before.identity === agent.identity &&
    before.endpointId === agent.endpointId;
  if (same) return state;
  return { ...state, agent };
}
