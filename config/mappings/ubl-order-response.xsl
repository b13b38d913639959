<?xml version="1.0" encoding="UTF-8"?>
<!--
  UBL 2.1 Order -> the UBL 2.1 OrderResponse the hub sends back (hub.mapping.ubl-order-response),
  for a sender that asked for one (hub.ubl.order-response-profiles).

  The hub runs this stylesheet on the order as it was received, with what became of it as
  parameters; the response goes to outbox/<sender>/OrderResponse-<order id>.xml. What it says:
    hubResponseCode       AP accepted (booked), RE rejected, AB received (staged for a batch);
                          the codes of UN/CEFACT 4343 as PEPPOL BIS Ordering 3 uses them
    hubSalesOrderId       the ERP's order number, once booked (empty otherwise)
    hubResponseNote       in words: the ERP number, or why the order was refused
    hubResponseIssueDate  today (UTC), hubResponseIssueTime now
  The response echoes the order's number, profile, currency and both parties, as PEPPOL asks. An
  accepted order is accepted as ordered: the response carries no lines.
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:Order-2"
    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
    xmlns="urn:oasis:names:specification:ubl:schema:xsd:OrderResponse-2"
    exclude-result-prefixes="xs ubl">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="hubResponseCode" as="xs:string"/>
  <xsl:param name="hubSalesOrderId" as="xs:string" select="''"/>
  <xsl:param name="hubResponseNote" as="xs:string" select="''"/>
  <xsl:param name="hubResponseIssueDate" as="xs:string"/>
  <xsl:param name="hubResponseIssueTime" as="xs:string"/>

  <xsl:template match="/ubl:Order">
    <OrderResponse>
      <cbc:UBLVersionID>2.1</cbc:UBLVersionID>
      <!-- A PEPPOL order is answered with PEPPOL's order response; others with plain UBL. -->
      <xsl:if test="starts-with(normalize-space(cbc:ProfileID), 'urn:fdc:peppol.eu:poacc:bis:')">
        <cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:order_response:3</cbc:CustomizationID>
      </xsl:if>
      <xsl:for-each select="cbc:ProfileID">
        <cbc:ProfileID>{normalize-space(.)}</cbc:ProfileID>
      </xsl:for-each>
      <!-- The response's own number: the order's, with the response code. -->
      <cbc:ID>{normalize-space(cbc:ID)}-{$hubResponseCode}</cbc:ID>
      <xsl:if test="$hubSalesOrderId != ''">
        <cbc:SalesOrderID>{$hubSalesOrderId}</cbc:SalesOrderID>
      </xsl:if>
      <cbc:IssueDate>{$hubResponseIssueDate}</cbc:IssueDate>
      <cbc:IssueTime>{$hubResponseIssueTime}</cbc:IssueTime>
      <cbc:OrderResponseCode listID="UNCL4343OpSubset">{$hubResponseCode}</cbc:OrderResponseCode>
      <xsl:if test="$hubResponseNote != ''">
        <cbc:Note>{$hubResponseNote}</cbc:Note>
      </xsl:if>
      <xsl:for-each select="cbc:DocumentCurrencyCode">
        <cbc:DocumentCurrencyCode>{normalize-space(.)}</cbc:DocumentCurrencyCode>
      </xsl:for-each>
      <cac:OrderReference>
        <cbc:ID>{normalize-space(cbc:ID)}</cbc:ID>
      </cac:OrderReference>
      <cac:SellerSupplierParty>
        <xsl:apply-templates select="cac:SellerSupplierParty/cac:Party" mode="echo"/>
      </cac:SellerSupplierParty>
      <cac:BuyerCustomerParty>
        <xsl:apply-templates select="cac:BuyerCustomerParty/cac:Party" mode="echo"/>
      </cac:BuyerCustomerParty>
    </OrderResponse>
  </xsl:template>

  <!-- A party as the order named it: its electronic address, ids, name and legal name (PEPPOL's party of a response). -->
  <xsl:template match="cac:Party" mode="echo">
    <cac:Party>
      <xsl:copy-of select="cbc:EndpointID, cac:PartyIdentification, cac:PartyName" copy-namespaces="no"/>
      <xsl:for-each select="cac:PartyLegalEntity[cbc:RegistrationName]">
        <cac:PartyLegalEntity>
          <xsl:copy-of select="cbc:RegistrationName" copy-namespaces="no"/>
        </cac:PartyLegalEntity>
      </xsl:for-each>
    </cac:Party>
  </xsl:template>
</xsl:stylesheet>
