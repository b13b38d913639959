/** XML order documents (namespace {@code urn:backoffice-hub:order:1}, schema {@code schema/order.xsd}). */
@XmlSchema(namespace = "urn:backoffice-hub:order:1", elementFormDefault = XmlNsForm.QUALIFIED)
package org.backofficehub.xml;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
