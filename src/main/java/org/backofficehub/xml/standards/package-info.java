/**
 * Business-document standards read as XML orders: UBL 2.1 Order, cXML OrderRequest and openTRANS
 * 2.1 ORDER, recognised by their root element and turned into the hub's own order document by a
 * stylesheet per standard (config/mappings/), and the UBL OrderResponse written back.
 */
package org.backofficehub.xml.standards;
