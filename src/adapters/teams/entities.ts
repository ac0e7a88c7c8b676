/**
 * botframework-connector 4.23 declares the `Entity` model with only `type`, `text` and
 * `mentioned`, and its serializer (@azure/core-client) drops every other property on the way
 * out: a schema.org `Message` entity would reach Teams as `{ "type": ... }` and the native
 * citations would silently vanish. Declaring `additionalProperties` on that mapper (as botbuilder
 * PR #2648 did for the older ms-rest-js serializer) sends entities as built. The end-to-end test
 * checks the full entity at the fake connector, so a library change here cannot go unnoticed.
 */
import { ConnectorMappers } from 'botframework-connector/lib/connectorApi/connectorClient.js';

/** Makes outgoing entities keep all their properties; idempotent. */
export function keepEntityProperties(): void {
  const entity = ConnectorMappers.Entity.type;
  if (entity.name === 'Composite' && !entity.additionalProperties) {
    entity.additionalProperties = { type: { name: 'Object' } };
  }
}
