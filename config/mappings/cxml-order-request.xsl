<?xml version="1.0" encoding="UTF-8"?>
<!--
  cXML OrderRequest -> the hub's order document (urn:backoffice-hub:order:1, schema/order.xsd).

  The hub runs this stylesheet on every cXML OrderRequest that arrives (hub.mapping.cxml), validates
  what it makes against order.xsd, settles the lines against the ERP's catalogue and books the
  order. Each element of the result below says where its value comes from: to read a field from
  elsewhere, change that one line (or copy this file, change the copy and point hub.mapping.cxml
  at it), then restart the hub. Where cXML leaves a choice, the choice made is commented.

  A document it cannot map is refused: the template in mode "problems" lists what is wrong, in the
  sender's terms, and the hub quarantines the file with those reasons (error/, with a .reason.txt).
  hub:order-source(standard, scheme, id), a function of the hub, names the source of the sender's
  orders (CXML:DUNS:942888711), so its order numbers never collide with another sender's.

  cXML documents name the cXML DTD in a DOCTYPE; the hub reads them without it (nothing is fetched).
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:hub="urn:backoffice-hub:mapping"
    xmlns="urn:backoffice-hub:order:1"
    exclude-result-prefixes="#all">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:variable name="request" select="/cXML/Request"/>
  <xsl:variable name="header" select="$request/OrderRequest/OrderRequestHeader"/>
  <!-- Who sent the order: the From credential of the cXML header (its domain says whose id it is). -->
  <xsl:variable name="sender" select="(/cXML/Header/From/Credential[normalize-space(Identity)])[1]"/>
  <xsl:variable name="currency" select="upper-case(normalize-space($header/Total/Money/@currency))"/>

  <xsl:template match="/cXML">
    <xsl:variable name="problems" as="element(hub:problem)*">
      <xsl:apply-templates select="." mode="problems"/>
    </xsl:variable>
    <xsl:if test="exists($problems)">
      <xsl:sequence select="error(xs:QName('hub:refused'), string-join($problems, '; '), $problems)"/>
    </xsl:if>
    <order>
      <orderId>{normalize-space($header/@orderID)}</orderId>
      <source>{hub:order-source('CXML', normalize-space($sender/@domain), normalize-space($sender/Identity))}</source>
      <!-- orderDate is a date and time in the buyer's zone; the date as the buyer wrote it. -->
      <orderDate>{substring(normalize-space($header/@orderDate), 1, 10)}</orderDate>
      <currency>{$currency}</currency>
      <buyer>
        <name>{hub:text($header/BillTo/Address/Name, 80)}</name>
        <!-- The sender's credential: a DUNS number as such; another domain (a network id) is one both sides agreed on. -->
        <identifier scheme="{if (upper-case(normalize-space($sender/@domain)) = 'DUNS') then 'DUNS'
            else if (upper-case(normalize-space($sender/@domain)) = 'GLN') then 'GLN' else 'MUTUALLY_DEFINED'}">{hub:text($sender/Identity, 35)}</identifier>
        <!-- The buyer's contact: the purchasing agent's, else the bill-to address's (often accounts payable). -->
        <xsl:sequence select="hub:contact(($header/Contact[@role = ('purchasingAgent', 'buyer')], $header/BillTo/Address))"/>
        <xsl:sequence select="hub:address($header/BillTo/Address/PostalAddress)"/>
      </buyer>
      <xsl:for-each select="$header/ShipTo/Address">
        <shipTo>
          <name>{hub:text(Name, 80)}</name>
          <!-- The buyer's own id for its delivery address. -->
          <xsl:for-each select="@addressID[normalize-space()]">
            <identifier scheme="BUYER_ASSIGNED">{hub:text(., 35)}</identifier>
          </xsl:for-each>
          <xsl:sequence select="hub:contact(.)"/>
          <xsl:sequence select="hub:address(PostalAddress)"/>
        </shipTo>
      </xsl:for-each>
      <lines>
        <xsl:apply-templates select="$request/OrderRequest/ItemOut"/>
      </lines>
    </order>
  </xsl:template>

  <xsl:template match="ItemOut">
    <line>
      <xsl:if test="@lineNumber castable as xs:int and xs:int(@lineNumber) ge 1 and xs:int(@lineNumber) le 999999">
        <lineNumber>{xs:int(@lineNumber)}</lineNumber>
      </xsl:if>
      <!-- How the buyer names the item, in the order the catalogue tries them: our part number (its
           SupplierPartAuxiliaryID, a variant code, is not part of our item number), the EAN/GTIN, its own. -->
      <xsl:for-each select="ItemID/SupplierPartID[normalize-space()]">
        <itemId kind="SUPPLIER" qualifier="SupplierPartID">{normalize-space(.)}</itemId>
      </xsl:for-each>
      <xsl:for-each select="ItemDetail/ItemDetailIndustry/ItemDetailRetail/EANID[normalize-space()]">
        <itemId kind="GTIN" qualifier="EANID">{normalize-space(.)}</itemId>
      </xsl:for-each>
      <xsl:for-each select="ItemID/BuyerPartID[normalize-space()]">
        <itemId kind="BUYER" qualifier="BuyerPartID">{normalize-space(.)}</itemId>
      </xsl:for-each>
      <xsl:for-each select="ItemDetail/ManufacturerPartID[normalize-space()]">
        <itemId kind="OTHER" qualifier="ManufacturerPartID">{normalize-space(.)}</itemId>
      </xsl:for-each>
      <!-- The description's text (its ShortName, if any, is a label of it). -->
      <xsl:for-each select="ItemDetail/Description[normalize-space(string-join(text(), ''))]">
        <description>{hub:text(string-join(text(), ''), 80)}</description>
      </xsl:for-each>
      <quantity>{xs:decimal(@quantity)}</quantity>
      <!-- cXML's UnitOfMeasure is a UN/ECE Recommendation 20 code, as the hub's units are. -->
      <xsl:for-each select="ItemDetail/UnitOfMeasure[normalize-space()]">
        <unit>{normalize-space(.)}</unit>
      </xsl:for-each>
      <xsl:for-each select="ItemDetail/UnitPrice/Money[normalize-space()]">
        <unitPrice>{xs:decimal(.)}</unitPrice>
      </xsl:for-each>
    </line>
  </xsl:template>

  <!-- What the hub cannot book, in the sender's terms; nothing listed: the order is mapped. -->
  <xsl:template match="cXML" mode="problems">
    <xsl:variable name="id" select="normalize-space($header/@orderID)"/>
    <xsl:if test="$request/@deploymentMode = 'test'">
      <hub:problem field="Request/@deploymentMode" type="invalid-request">the order is a test (deploymentMode="test"); the hub books production orders only</hub:problem>
    </xsl:if>
    <xsl:if test="$header/@type and not($header/@type = 'new')">
      <hub:problem field="OrderRequestHeader/@type" type="invalid-request">the request is of type '{$header/@type}', not a new order: not booked; changes and cancellations are for a person to handle in the ERP</hub:problem>
    </xsl:if>
    <xsl:if test="$id = ''">
      <hub:problem field="OrderRequestHeader/@orderID">the order has no number (OrderRequestHeader/@orderID)</hub:problem>
    </xsl:if>
    <xsl:if test="$id != '' and not(matches($id, '^[A-Za-z0-9][A-Za-z0-9._\-]*$') and string-length($id) le 35)">
      <hub:problem field="OrderRequestHeader/@orderID">the order number '{$id}' is not one the ERP keeps: at most 35 letters, digits, '.', '_' and '-', starting with a letter or digit</hub:problem>
    </xsl:if>
    <xsl:if test="not(substring(normalize-space($header/@orderDate), 1, 10) castable as xs:date)">
      <hub:problem field="OrderRequestHeader/@orderDate">the order date '{$header/@orderDate}' is not a date such as 2026-11-20T09:14:07-08:00</hub:problem>
    </xsl:if>
    <xsl:if test="not(matches($currency, '^[A-Z]{3}$'))">
      <hub:problem field="OrderRequestHeader/Total/Money/@currency">the order's total names no ISO 4217 currency such as USD</hub:problem>
    </xsl:if>
    <xsl:if test="empty($sender)">
      <hub:problem field="Header/From/Credential">the order does not say who sent it (no From credential with an Identity), so its order number could be another sender's</hub:problem>
    </xsl:if>
    <xsl:if test="normalize-space($header/BillTo/Address/Name) = ''">
      <hub:problem field="OrderRequestHeader/BillTo/Address/Name">the buyer has no name (BillTo/Address/Name)</hub:problem>
    </xsl:if>
    <xsl:if test="empty($request/OrderRequest/ItemOut)">
      <hub:problem field="OrderRequest/ItemOut">the order has no lines (ItemOut)</hub:problem>
    </xsl:if>
    <xsl:for-each select="$request/OrderRequest/ItemOut">
      <xsl:variable name="at" select="'ItemOut[' || position() || ']'"/>
      <xsl:variable name="line" select="'line ' || (normalize-space(@lineNumber)[. != ''], string(position()))[1]"/>
      <xsl:sequence select="hub:quantity-problems(@quantity, $at || '/@quantity', $line)"/>
      <xsl:if test="ItemDetail/UnitOfMeasure and not(matches(normalize-space(ItemDetail/UnitOfMeasure), '^[A-Z0-9]{1,3}$'))">
        <hub:problem field="{$at}/ItemDetail/UnitOfMeasure">{$line}: unit '{ItemDetail/UnitOfMeasure}' is no UN/ECE Recommendation 20 code</hub:problem>
      </xsl:if>
      <xsl:if test="empty((ItemID/SupplierPartID, ItemID/BuyerPartID, ItemDetail/ItemDetailIndustry/ItemDetailRetail/EANID)[normalize-space()])">
        <hub:problem field="{$at}/ItemID">{$line} does not say which item: no SupplierPartID, BuyerPartID or EANID</hub:problem>
      </xsl:if>
      <xsl:for-each select="ItemDetail/UnitPrice/Money">
        <xsl:choose>
          <xsl:when test="not(. castable as xs:decimal) or xs:decimal(.) lt 0">
            <hub:problem field="{$at}/ItemDetail/UnitPrice/Money">{$line}: price '{.}' is not an amount</hub:problem>
          </xsl:when>
          <xsl:when test="@currency and upper-case(normalize-space(@currency)) != $currency">
            <hub:problem field="{$at}/ItemDetail/UnitPrice/Money/@currency">{$line}: price in {@currency}, the order in {$currency}</hub:problem>
          </xsl:when>
          <xsl:when test="xs:decimal(.) ne round(xs:decimal(.), 2)">
            <hub:problem field="{$at}/ItemDetail/UnitPrice/Money">{$line}: a unit price of {.} is finer than the cents the ERP keeps</hub:problem>
          </xsl:when>
        </xsl:choose>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- A quantity the ERP can book: a number above zero, at most 999999, in thousandths at the finest. -->
  <xsl:function name="hub:quantity-problems" as="element(hub:problem)*">
    <xsl:param name="quantity" as="node()?"/>
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

  <!-- E-mail and phone, each from the first of these (a Contact, an Address) that has one ("for", not "/":
       a path would take them in document order). -->
  <xsl:function name="hub:contact" as="element()*">
    <xsl:param name="from" as="element()*"/>
    <xsl:for-each select="(for $f in $from return $f/Email)[normalize-space()][1]">
      <email>{normalize-space(.)}</email>
    </xsl:for-each>
    <xsl:for-each select="(for $f in $from return $f/Phone/TelephoneNumber)[normalize-space(Number)][1]">
      <phone>{hub:text(string-join(((normalize-space(CountryCode)[. != ''] ! ('+' || .)), AreaOrCityCode, Number)[normalize-space()], ' ')
          || (if (normalize-space(Extension)) then ' ext. ' || Extension else ''), 32)}</phone>
    </xsl:for-each>
  </xsl:function>

  <!-- An address the hub keeps (street, city, postal code and country); a partial one is left out. -->
  <xsl:function name="hub:address" as="element()?">
    <xsl:param name="address" as="element()?"/>
    <xsl:variable name="street" select="normalize-space(string-join($address/Street[normalize-space()], ', '))"/>
    <xsl:variable name="country" select="normalize-space($address/Country/@isoCountryCode)"/>
    <xsl:if test="$street != '' and normalize-space($address/City) != '' and normalize-space($address/PostalCode) != ''
        and matches($country, '^[A-Z]{2}$')">
      <address>
        <street>{hub:text($street, 80)}</street>
        <city>{hub:text($address/City, 40)}</city>
        <postalCode>{normalize-space($address/PostalCode)}</postalCode>
        <country>{$country}</country>
        <xsl:for-each select="$address/State[normalize-space()]">
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
