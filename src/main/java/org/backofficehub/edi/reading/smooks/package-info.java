/**
 * The Smooks engine's own classes, which need Smooks: the visitor the hub's Smooks configurations
 * (edi/smooks/edifact-*.xml) name and what it reads. They ship in backoffice-hub-smooks.jar with
 * Smooks, its EDIFACT cartridge and schemas and camel-smooks, not in the default jar; the rest of
 * the engine, which needs no Smooks, is {@link org.backofficehub.edi.reading.SmooksEdifact}.
 */
package org.backofficehub.edi.reading.smooks;
