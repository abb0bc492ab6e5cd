// The generated TypeScript SDK (sdk/typescript, @hey-api/openapi-ts from the gateway's merged OpenAPI document):
// every call and type the app uses comes from there.
export * from '../../sdk/typescript/src/generated/index';
export { client } from '../../sdk/typescript/src/generated/client.gen';
