<?xml version="1.0" encoding="UTF-8"?>
<!--
  UBL 2.1 Order -> the hub's order document (urn:backoffice-hub:order:1, schema/order.xsd).

  The hub runs this stylesheet on every UBL Order that arrives (hub.mapping.ubl), validates what it
  makes against order.xsd, settles the lines against the ERP's catalogue and books the order. Each
  element of the result below says where its value comes from: to read a field from elsewhere,
  change that one line (or copy this file, change the copy and point hub.mapping.ubl at it), then
  restart the hub. Where UBL leaves a choice, the choice made is commented.

  A document it cannot map is refused: the template in mode "problems" lists what is wrong, in the
  sender's terms, and the hub quarantines the file with those reasons (error/, with a .reason.txt).
  hub:order-source(standard, scheme, id), a function of the hub, names the source of the sender's
  orders (UBL:GLN:7300010000001), so its order numbers never collide with another sender's.

  Read with a UBL 2.0, 2.1 or later Order alike (they share the namespace); PEPPOL BIS Ordering 3
  orders are UBL 2.1 Orders.
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:Order-2"
    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
    xmlns:hub="urn:backoffice-hub:mapping"
    xmlns="urn:backoffice-hub:order:1"
    exclude-result-prefixes="#all">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:variable name="order" select="/ubl:Order"/>
  <xsl:variable name="buyer" select="$order/cac:BuyerCustomerParty/cac:Party"/>
  <!-- Who sent the order: the buyer's electronic address (PEPPOL's EndpointID), else its first party id. -->
  <xsl:variable name="sender" select="($buyer/cbc:EndpointID, $buyer/cac:PartyIdentification/cbc:ID)[normalize-space()][1]"/>
  <!-- The order's currency; UBL makes it optional, so failing it the total's, or the first price's. -->
  <xsl:variable name="currency" select="upper-case(normalize-space(($order/cbc:DocumentCurrencyCode,
      $order/cac:AnticipatedMonetaryTotal/cbc:PayableAmount/@currencyID, ($order//cbc:PriceAmount/@currencyID)[1])[normalize-space()][1]))"/>

  <xsl:template match="/ubl:Order">
    <xsl:variable name="problems" as="element(hub:problem)*">
      <xsl:apply-templates select="." mode="problems"/>
    </xsl:variable>
    <xsl:if test="exists($problems)">
      <xsl:sequence select="error(xs:QName('hub:refused'), string-join($problems, '; '), $problems)"/>
    </xsl:if>
    <order>
      <orderId>{normalize-space(cbc:ID)}</orderId>
      <source>{hub:order-source('UBL', hub:scheme-name($sender), normalize-space($sender))}</source>
      <orderDate>{format-date(xs:date(cbc:IssueDate), '[Y0001]-[M01]-[D01]')}</orderDate>
      <currency>{$currency}</currency>
      <buyer>
        <name>{hub:text(($buyer/cac:PartyName/cbc:Name, $buyer/cac:PartyLegalEntity/cbc:RegistrationName)[normalize-space()][1], 80)}</name>
        <!-- A GS1 location number or DUNS number (EndpointID or PartyIdentification), else our customer
             number as the buyer quotes it (SupplierAssignedAccountID), else its own number for itself. -->
        <xsl:sequence select="hub:identifier(($buyer/cbc:EndpointID, $buyer/cac:PartyIdentification/cbc:ID),
            cac:BuyerCustomerParty/cbc:SupplierAssignedAccountID,
            (cac:BuyerCustomerParty/cbc:CustomerAssignedAccountID, $buyer/cac:PartyIdentification/cbc:ID))"/>
        <xsl:call-template name="contact">
          <xsl:with-param name="contact" select="$buyer/cac:Contact"/>
        </xsl:call-template>
        <xsl:sequence select="hub:address($buyer/cac:PostalAddress)"/>
      </buyer>
      <xsl:apply-templates select="cac:Delivery[1][cac:DeliveryLocation or cac:DeliveryAddress or cac:DeliveryParty]"/>
      <lines>
        <xsl:apply-templates select="cac:OrderLine/cac:LineItem"/>
      </lines>
    </order>
  </xsl:template>

  <!-- Where the goods go: the delivery location's address, the delivery party's name (else the location's, else the buyer's). -->
  <xsl:template match="cac:Delivery">
    <shipTo>
      <name>{hub:text((cac:DeliveryParty/cac:PartyName/cbc:Name, cac:DeliveryLocation/cbc:Name,
          $buyer/cac:PartyName/cbc:Name, $buyer/cac:PartyLegalEntity/cbc:RegistrationName)[normalize-space()][1], 80)}</name>
      <xsl:sequence select="hub:identifier((cac:DeliveryLocation/cbc:ID, cac:DeliveryParty/cac:PartyIdentification/cbc:ID), (),
          (cac:DeliveryLocation/cbc:ID, cac:DeliveryParty/cac:PartyIdentification/cbc:ID))"/>
      <xsl:call-template name="contact">
        <xsl:with-param name="contact" select="cac:DeliveryParty/cac:Contact"/>
      </xsl:call-template>
      <xsl:sequence select="hub:address((cac:DeliveryLocation/cac:Address, cac:DeliveryAddress, cac:DeliveryParty/cac:PostalAddress)[1])"/>
    </shipTo>
  </xsl:template>

  <xsl:template match="cac:LineItem">
    <line>
      <!-- The buyer's line id, if it is a number (the hub numbers lines by position otherwise). -->
      <xsl:if test="cbc:ID castable as xs:int and xs:int(cbc:ID) ge 1 and xs:int(cbc:ID) le 999999">
        <lineNumber>{xs:int(cbc:ID)}</lineNumber>
      </xsl:if>
      <!-- How the buyer names the item, in the order the catalogue tries them: our number, the GTIN, its own. -->
      <xsl:for-each select="cac:Item/cac:SellersItemIdentification/cbc:ID[normalize-space()]">
        <itemId kind="SUPPLIER" qualifier="SellersItemIdentification">{normalize-space(.)}</itemId>
      </xsl:for-each>
      <xsl:for-each select="cac:Item/cac:StandardItemIdentification/cbc:ID[normalize-space()]">
        <!-- GTIN is the standard item id UBL means (schemeID GTIN, or 0160 as PEPPOL writes it); another scheme is kept, not looked up. -->
        <itemId kind="{if (upper-case(normalize-space(@schemeID)) = ('', 'GTIN', '0160', 'EAN', 'UPC')) then 'GTIN' else 'OTHER'}"
                qualifier="StandardItemIdentification">{normalize-space(.)}</itemId>
      </xsl:for-each>
      <xsl:for-each select="cac:Item/cac:BuyersItemIdentification/cbc:ID[normalize-space()]">
        <itemId kind="BUYER" qualifier="BuyersItemIdentification">{normalize-space(.)}</itemId>
      </xsl:for-each>
      <!-- The item's name (UBL's cbc:Name); its cbc:Description is the longer text. -->
      <xsl:for-each select="(cac:Item/cbc:Name, cac:Item/cbc:Description)[normalize-space()][1]">
        <description>{hub:text(., 80)}</description>
      </xsl:for-each>
      <quantity>{xs:decimal(cbc:Quantity)}</quantity>
      <!-- UBL's unitCode is a UN/ECE Recommendation 20 code, as the hub's units are. -->
      <xsl:for-each select="cbc:Quantity/@unitCode[normalize-space()]">
        <unit>{normalize-space(.)}</unit>
      </xsl:for-each>
      <!-- The price per unit: PriceAmount is for BaseQuantity units (1 if not said). No price: the list price. -->
      <xsl:for-each select="cac:Price/cbc:PriceAmount[normalize-space()]">
        <unitPrice>{hub:unit-price(.)}</unitPrice>
      </xsl:for-each>
    </line>
  </xsl:template>

  <xsl:template name="contact">
    <xsl:param name="contact" as="element()*"/>
    <xsl:for-each select="($contact/cbc:ElectronicMail)[normalize-space()][1]">
      <email>{normalize-space(.)}</email>
    </xsl:for-each>
    <xsl:for-each select="($contact/cbc:Telephone)[normalize-space()][1]">
      <phone>{hub:text(normalize-space(.), 32)}</phone>
    </xsl:for-each>
  </xsl:template>

  <!-- What the hub cannot book, in the sender's terms; nothing listed: the order is mapped. -->
  <xsl:template match="ubl:Order" mode="problems">
    <xsl:variable name="id" select="normalize-space(cbc:ID)"/>
    <xsl:if test="$id = ''">
      <hub:problem field="cbc:ID">the order has no number (cbc:ID)</hub:problem>
    </xsl:if>
    <xsl:if test="$id != '' and not(matches($id, '^[A-Za-z0-9][A-Za-z0-9._\-]*$') and string-length($id) le 35)">
      <hub:problem field="cbc:ID">the order number '{$id}' is not one the ERP keeps: at most 35 letters, digits, '.', '_' and '-', starting with a letter or digit</hub:problem>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="normalize-space(cbc:IssueDate) = ''">
        <hub:problem field="cbc:IssueDate">the order has no issue date (cbc:IssueDate)</hub:problem>
      </xsl:when>
      <xsl:when test="not(cbc:IssueDate castable as xs:date)">
        <hub:problem field="cbc:IssueDate">the issue date '{cbc:IssueDate}' is not a date such as 2026-11-20</hub:problem>
      </xsl:when>
    </xsl:choose>
    <xsl:choose>
      <xsl:when test="$currency = ''">
        <hub:problem field="cbc:DocumentCurrencyCode">the order names no currency (cbc:DocumentCurrencyCode)</hub:problem>
      </xsl:when>
      <xsl:when test="not(matches($currency, '^[A-Z]{3}$'))">
        <hub:problem field="cbc:DocumentCurrencyCode">the currency '{$currency}' is not an ISO 4217 code such as EUR</hub:problem>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="empty($sender)">
      <hub:problem field="cac:BuyerCustomerParty/cac:Party">the order does not say who sent it (no cbc:EndpointID or cac:PartyIdentification/cbc:ID of the buyer), so its order number could be another sender's</hub:problem>
    </xsl:if>
    <xsl:if test="empty(($buyer/cac:PartyName/cbc:Name, $buyer/cac:PartyLegalEntity/cbc:RegistrationName)[normalize-space()])">
      <hub:problem field="cac:BuyerCustomerParty/cac:Party/cac:PartyName/cbc:Name">the buyer has no name (cac:PartyName/cbc:Name or cac:PartyLegalEntity/cbc:RegistrationName)</hub:problem>
    </xsl:if>
    <xsl:if test="empty(cac:OrderLine/cac:LineItem)">
      <hub:problem field="cac:OrderLine">the order has no lines (cac:OrderLine/cac:LineItem)</hub:problem>
    </xsl:if>
    <xsl:for-each select="cac:OrderLine/cac:LineItem">
      <xsl:variable name="at" select="'cac:OrderLine[' || position() || ']/cac:LineItem'"/>
      <xsl:variable name="line" select="'line ' || (normalize-space(cbc:ID)[. != ''], string(position()))[1]"/>
      <xsl:sequence select="hub:quantity-problems(cbc:Quantity, $at || '/cbc:Quantity', $line)"/>
      <xsl:if test="cbc:Quantity/@unitCode and not(matches(normalize-space(cbc:Quantity/@unitCode), '^[A-Z0-9]{1,3}$'))">
        <hub:problem field="{$at}/cbc:Quantity/@unitCode">{$line}: unit '{cbc:Quantity/@unitCode}' is no UN/ECE Recommendation 20 code</hub:problem>
      </xsl:if>
      <xsl:if test="empty(cac:Item/(cac:SellersItemIdentification, cac:StandardItemIdentification, cac:BuyersItemIdentification)/cbc:ID[normalize-space()])">
        <hub:problem field="{$at}/cac:Item">{$line} does not say which item: no cac:SellersItemIdentification, cac:StandardItemIdentification or cac:BuyersItemIdentification</hub:problem>
      </xsl:if>
      <xsl:for-each select="cac:Price/cbc:PriceAmount">
        <xsl:choose>
          <xsl:when test="not(. castable as xs:decimal) or xs:decimal(.) lt 0">
            <hub:problem field="{$at}/cac:Price/cbc:PriceAmount">{$line}: price '{.}' is not an amount</hub:problem>
          </xsl:when>
          <xsl:when test="../cbc:BaseQuantity and not(../cbc:BaseQuantity castable as xs:decimal and xs:decimal(../cbc:BaseQuantity) gt 0)">
            <hub:problem field="{$at}/cac:Price/cbc:BaseQuantity">{$line}: the price's base quantity '{../cbc:BaseQuantity}' is not a quantity</hub:problem>
          </xsl:when>
          <xsl:when test="@currencyID and upper-case(normalize-space(@currencyID)) != $currency">
            <hub:problem field="{$at}/cac:Price/cbc:PriceAmount/@currencyID">{$line}: price in {@currencyID}, the order in {$currency}</hub:problem>
          </xsl:when>
          <xsl:when test="hub:unit-price(.) ne round(hub:unit-price(.), 2)">
            <hub:problem field="{$at}/cac:Price/cbc:PriceAmount">{$line}: a unit price of {hub:unit-price(.)} is finer than the cents the ERP keeps</hub:problem>
          </xsl:when>
        </xsl:choose>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- A quantity the ERP can book: a number above zero, at most 999999, in thousandths at the finest. -->
  <xsl:function name="hub:quantity-problems" as="element(hub:problem)*">
    <xsl:param name="quantity" as="element()?"/>
    <xsl:param name="field" as="xs:string"/>
    <xsl:param name="line" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="empty($quantity) or normalize-space($quantity) = ''">
        <hub:problem field="{$field}">{$line} orders no quantity</hub:problem>
      </xsl:when>
      <xsl:when test="not($quantity castable as xs:decimal)">
        <hub:problem field="{$field}">{$line}: quantity '{$quantity}' is not a number</hub:problem>
      </xsl:when>
      <xsl:when test="xs:decimal($quantity) le 0 or xs:decimal($quantity) gt 999999">
        <hub:problem field="{$field}">{$line}: quantity {$quantity} is not between 0 and 999999</hub:problem>
      </xsl:when>
      <xsl:when test="xs:decimal($quantity) ne round(xs:decimal($quantity), 3)">
        <hub:problem field="{$field}">{$line}: quantity {$quantity} is finer than the thousandths the ERP keeps</hub:problem>
      </xsl:when>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="hub:unit-price" as="xs:decimal">
    <xsl:param name="amount" as="element()"/>
    <xsl:variable name="base" select="$amount/../cbc:BaseQuantity[. castable as xs:decimal][xs:decimal(.) gt 0]"/>
    <xsl:sequence select="xs:decimal($amount) div (if (exists($base)) then xs:decimal($base) else 1)"/>
  </xsl:function>

  <!-- GLN or DUNS, by UBL's schemeID (as the UBL 2.1 examples write it, or as an ISO 6523 ICD the way
       PEPPOL does: 0088 GLN, 0060 DUNS) or its agency (9 GS1, 16 Dun & Bradstreet); else nothing. -->
  <xsl:function name="hub:scheme" as="xs:string?">
    <xsl:param name="id" as="element()?"/>
    <xsl:variable name="scheme" select="upper-case(normalize-space($id/@schemeID))"/>
    <xsl:variable name="agency" select="normalize-space($id/@schemeAgencyID)"/>
    <xsl:sequence select="if ($scheme = ('GLN', '0088') or ($scheme = '' and $agency = '9')) then 'GLN'
        else if ($scheme = ('DUNS', '0060') or ($scheme = '' and $agency = '16')) then 'DUNS' else ()"/>
  </xsl:function>

  <!-- The scheme as the order source names it: GLN, DUNS, else the schemeID as sent. -->
  <xsl:function name="hub:scheme-name" as="xs:string">
    <xsl:param name="id" as="element()?"/>
    <xsl:sequence select="string((hub:scheme($id), normalize-space($id/@schemeID)[. != ''])[1])"/>
  </xsl:function>

  <!-- The party's identifier: the first GLN or DUNS among the global ids, else our customer number, else the
       buyer's own number for the party. -->
  <xsl:function name="hub:identifier" as="element()?">
    <xsl:param name="global" as="element()*"/>
    <xsl:param name="ours" as="element()*"/>
    <xsl:param name="theirs" as="element()*"/>
    <xsl:variable name="known" select="$global[normalize-space()][exists(hub:scheme(.))][1]"/>
    <xsl:choose>
      <xsl:when test="$known">
        <identifier scheme="{hub:scheme($known)}">{normalize-space($known)}</identifier>
      </xsl:when>
      <xsl:when test="$ours[normalize-space()]">
        <identifier scheme="SELLER_ASSIGNED">{normalize-space($ours[normalize-space()][1])}</identifier>
      </xsl:when>
      <xsl:when test="$theirs[normalize-space()]">
        <identifier scheme="BUYER_ASSIGNED">{normalize-space($theirs[normalize-space()][1])}</identifier>
      </xsl:when>
    </xsl:choose>
  </xsl:function>

  <!-- An address the hub keeps (street, city, postal code and country); a partial one is left out. -->
  <xsl:function name="hub:address" as="element()?">
    <xsl:param name="address" as="element()?"/>
    <xsl:variable name="street" select="normalize-space(string-join(($address/cbc:StreetName, $address/cbc:BuildingNumber)[normalize-space()], ' '))"/>
    <xsl:variable name="street" select="if ($street != '') then $street else normalize-space(($address/cac:AddressLine/cbc:Line)[1])"/>
    <xsl:if test="$street != '' and normalize-space($address/cbc:CityName) != '' and normalize-space($address/cbc:PostalZone) != ''
        and matches(normalize-space($address/cac:Country/cbc:IdentificationCode), '^[A-Z]{2}$')">
      <address>
        <street>{hub:text($street, 80)}</street>
        <city>{hub:text($address/cbc:CityName, 40)}</city>
        <postalCode>{normalize-space($address/cbc:PostalZone)}</postalCode>
        <country>{normalize-space($address/cac:Country/cbc:IdentificationCode)}</country>
        <xsl:for-each select="$address/cbc:CountrySubentity[normalize-space()]">
          <region>{hub:text(., 35)}</region>
        </xsl:for-each>
      </address>
    </xsl:if>
  </xsl:function>

  <!-- Text as the ERP's columns hold it: spaces collapsed, cut to the column's width (names and streets 80,
       cities 40, phone numbers 32). -->
  <xsl:function name="hub:text" as="xs:string">
    <xsl:param name="value" as="item()?"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:sequence select="substring(normalize-space(string($value)), 1, $width)"/>
  </xsl:function>
</xsl:stylesheet>
