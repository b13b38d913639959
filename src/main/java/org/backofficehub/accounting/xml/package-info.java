/** The accounting system's XML invoice (namespace {@code urn:backoffice-hub:invoice:1}, schema {@code schema/invoice.xsd}). */
@XmlSchema(namespace = "urn:backoffice-hub:invoice:1", elementFormDefault = XmlNsForm.QUALIFIED)
package org.backofficehub.accounting.xml;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
