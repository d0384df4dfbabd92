/** The platform's WebSocket close codes, for clients of its graphql-ws endpoint (docs/errors.md). */
export { isCredentialRefusal, WS_CLOSE, type WsCloseCode } from '@perfanalysis/contract/wire/closeCodes';
