/** A participant of one call as one string: `<call id>/<participant id>` (scopes, filters and people's appearances share it). */
export function speakerKey(callId: string, participantId: string): string {
  return `${callId}/${participantId}`;
}
