<?xml version="1.0" encoding="UTF-8"?>
<!--
  openTRANS 2.1 ORDER -> the hub's order document (urn:backoffice-hub:order:1, schema/order.xsd).

  The hub runs this stylesheet on every openTRANS 2.1 ORDER that arrives (hub.mapping.opentrans),
  validates what it makes against order.xsd, settles the lines against the ERP's catalogue and
  books the order. Each element of the result below says where its value comes from: to read a
  field from elsewhere, change that one line (or copy this file, change the copy and point
  hub.mapping.opentrans at it), then restart the hub. Where openTRANS leaves a choice, the choice
  made is commented.

  A document it cannot map is refused: the template in mode "problems" lists what is wrong, in the
  sender's terms, and the hub quarantines the file with those reasons (error/, with a .reason.txt).
  hub:order-source(standard, scheme, id), a function of the hub, names the source of the sender's
  orders (OPENTRANS:GLN:4031865000002), so its order numbers never collide with another sender's.

  Elements are matched by their local names (*:NAME): openTRANS 2.1 takes part of its vocabulary
  from BMEcat 2005 (bmecat:PARTY_ID, bmecat:STREET ...), and senders' systems do not all agree on
  which element is in which namespace. The root element's namespace was checked on arrival.
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:hub="urn:backoffice-hub:mapping"
    xmlns="urn:backoffice-hub:order:1"
    exclude-result-prefixes="#all">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:variable name="info" select="/*:ORDER/*:ORDER_HEADER/*:ORDER_INFO"/>
  <xsl:variable name="references" select="$info/*:ORDER_PARTIES_REFERENCE"/>
  <!-- The buyer: the party the order references as its buyer (BUYER_IDREF), else the one in the role of buyer. -->
  <xsl:variable name="buyer" select="(hub:party($references/*:BUYER_IDREF), $info/*:PARTIES/*:PARTY[*:PARTY_ROLE = 'buyer'])[1]"/>
  <xsl:variable name="delivery" select="(hub:party($references/*:SHIPMENT_PARTIES_REFERENCE/*:DELIVERY_IDREF),
      $info/*:PARTIES/*:PARTY[*:PARTY_ROLE = 'delivery'])[1]"/>
  <!-- Who sent the order: the buyer's id as the order references it, else the buyer party's first id. -->
  <xsl:variable name="sender" select="($references/*:BUYER_IDREF, $buyer/*:PARTY_ID)[normalize-space()][1]"/>
  <xsl:variable name="currency" select="upper-case(normalize-space($info/*:CURRENCY))"/>
  <xsl:variable name="items" select="/*:ORDER/*:ORDER_ITEM_LIST/*:ORDER_ITEM"/>

  <xsl:template match="/*:ORDER">
    <xsl:variable name="problems" as="element(hub:problem)*">
      <xsl:apply-templates select="." mode="problems"/>
    </xsl:variable>
    <xsl:if test="exists($problems)">
      <xsl:sequence select="error(xs:QName('hub:refused'), string-join($problems, '; '), $problems)"/>
    </xsl:if>
    <order>
      <orderId>{normalize-space($info/*:ORDER_ID)}</orderId>
      <source>{hub:order-source('OPENTRANS', hub:scheme-name($sender/@type), normalize-space($sender))}</source>
      <!-- ORDER_DATE is a date and time in the buyer's zone; the date as the buyer wrote it. -->
      <orderDate>{substring(normalize-space($info/*:ORDER_DATE), 1, 10)}</orderDate>
      <currency>{$currency}</currency>
      <buyer>
        <xsl:sequence select="hub:party-details($buyer)"/>
      </buyer>
      <xsl:for-each select="$delivery[. except $buyer]">
        <shipTo>
          <xsl:sequence select="hub:party-details(.)"/>
        </shipTo>
      </xsl:for-each>
      <lines>
        <xsl:apply-templates select="$items"/>
      </lines>
    </order>
  </xsl:template>

  <xsl:template match="*:ORDER_ITEM">
    <xsl:variable name="product" select="*:PRODUCT_ID"/>
    <line>
      <xsl:if test="*:LINE_ITEM_ID castable as xs:int and xs:int(*:LINE_ITEM_ID) ge 1 and xs:int(*:LINE_ITEM_ID) le 999999">
        <lineNumber>{xs:int(*:LINE_ITEM_ID)}</lineNumber>
      </xsl:if>
      <!-- How the buyer names the item, in the order the catalogue tries them: our number, the GTIN, its own. -->
      <xsl:for-each select="$product/*:SUPPLIER_PID[normalize-space()]">
        <itemId kind="SUPPLIER" qualifier="SUPPLIER_PID">{normalize-space(.)}</itemId>
      </xsl:for-each>
      <xsl:for-each select="$product/*:INTERNATIONAL_PID[normalize-space()]">
        <!-- A GTIN (type gtin, or ean as BMEcat 1.2 called it); another international id is kept, not looked up. -->
        <itemId kind="{if (lower-case(normalize-space(@type)) = ('gtin', 'ean', '')) then 'GTIN' else 'OTHER'}"
                qualifier="INTERNATIONAL_PID">{normalize-space(.)}</itemId>
      </xsl:for-each>
      <xsl:for-each select="$product/*:BUYER_PID[normalize-space()]">
        <itemId kind="BUYER" qualifier="BUYER_PID">{normalize-space(.)}</itemId>
      </xsl:for-each>
      <xsl:for-each select="$product/*:DESCRIPTION_SHORT[normalize-space()][1]">
        <description>{hub:text(., 80)}</description>
      </xsl:for-each>
      <quantity>{xs:decimal(*:QUANTITY)}</quantity>
      <!-- ORDER_UNIT is a UN/ECE Recommendation 20 code, as the hub's units are. -->
      <xsl:for-each select="*:ORDER_UNIT[normalize-space()]">
        <unit>{normalize-space(.)}</unit>
      </xsl:for-each>
      <!-- The price per unit: PRICE_AMOUNT is for PRICE_QUANTITY units (1 if not said). No price: the list price. -->
      <xsl:for-each select="*:PRODUCT_PRICE_FIX/*:PRICE_AMOUNT[normalize-space()]">
        <unitPrice>{hub:unit-price(.)}</unitPrice>
      </xsl:for-each>
    </line>
  </xsl:template>

  <!-- What the hub cannot book, in the sender's terms; nothing listed: the order is mapped. -->
  <xsl:template match="*:ORDER" mode="problems">
    <xsl:variable name="id" select="normalize-space($info/*:ORDER_ID)"/>
    <xsl:if test="$id = ''">
      <hub:problem field="ORDER_HEADER/ORDER_INFO/ORDER_ID">the order has no number (ORDER_INFO/ORDER_ID)</hub:problem>
    </xsl:if>
    <xsl:if test="$id != '' and not(matches($id, '^[A-Za-z0-9][A-Za-z0-9._\-]*$') and string-length($id) le 35)">
      <hub:problem field="ORDER_HEADER/ORDER_INFO/ORDER_ID">the order number '{$id}' is not one the ERP keeps: at most 35 letters, digits, '.', '_' and '-', starting with a letter or digit</hub:problem>
    </xsl:if>
    <xsl:if test="not(substring(normalize-space($info/*:ORDER_DATE), 1, 10) castable as xs:date)">
      <hub:problem field="ORDER_HEADER/ORDER_INFO/ORDER_DATE">the order date '{$info/*:ORDER_DATE}' is not a date such as 2026-11-20T08:00:00+01:00</hub:problem>
    </xsl:if>
    <xsl:if test="not(matches($currency, '^[A-Z]{3}$'))">
      <hub:problem field="ORDER_HEADER/ORDER_INFO/CURRENCY">the order names no ISO 4217 currency such as EUR (ORDER_INFO/CURRENCY)</hub:problem>
    </xsl:if>
    <xsl:if test="empty($sender)">
      <hub:problem field="ORDER_HEADER/ORDER_INFO/ORDER_PARTIES_REFERENCE/BUYER_IDREF">the order does not say who sent it (no BUYER_IDREF, nor a PARTY_ID of the buyer), so its order number could be another sender's</hub:problem>
    </xsl:if>
    <xsl:if test="normalize-space($buyer/*:ADDRESS/*:NAME[1]) = ''">
      <hub:problem field="ORDER_HEADER/ORDER_INFO/PARTIES/PARTY">the buyer has no name (the buyer PARTY's ADDRESS/NAME)</hub:problem>
    </xsl:if>
    <xsl:if test="empty($items)">
      <hub:problem field="ORDER_ITEM_LIST">the order has no lines (ORDER_ITEM_LIST/ORDER_ITEM)</hub:problem>
    </xsl:if>
    <xsl:for-each select="$items">
      <xsl:variable name="at" select="'ORDER_ITEM_LIST/ORDER_ITEM[' || position() || ']'"/>
      <xsl:variable name="line" select="'line ' || (normalize-space(*:LINE_ITEM_ID)[. != ''], string(position()))[1]"/>
      <xsl:sequence select="hub:quantity-problems(*:QUANTITY, $at || '/QUANTITY', $line)"/>
      <xsl:if test="*:ORDER_UNIT and not(matches(normalize-space(*:ORDER_UNIT), '^[A-Z0-9]{1,3}$'))">
        <hub:problem field="{$at}/ORDER_UNIT">{$line}: unit '{*:ORDER_UNIT}' is no UN/ECE Recommendation 20 code</hub:problem>
      </xsl:if>
      <xsl:if test="empty(*:PRODUCT_ID/(*:SUPPLIER_PID, *:INTERNATIONAL_PID, *:BUYER_PID)[normalize-space()])">
        <hub:problem field="{$at}/PRODUCT_ID">{$line} does not say which item: no SUPPLIER_PID, INTERNATIONAL_PID or BUYER_PID</hub:problem>
      </xsl:if>
      <xsl:for-each select="*:PRODUCT_PRICE_FIX/*:PRICE_AMOUNT">
        <xsl:choose>
          <xsl:when test="not(. castable as xs:decimal) or xs:decimal(.) lt 0">
            <hub:problem field="{$at}/PRODUCT_PRICE_FIX/PRICE_AMOUNT">{$line}: price '{.}' is not an amount</hub:problem>
          </xsl:when>
          <xsl:when test="../*:PRICE_QUANTITY and not(../*:PRICE_QUANTITY castable as xs:decimal and xs:decimal(../*:PRICE_QUANTITY) gt 0)">
            <hub:problem field="{$at}/PRODUCT_PRICE_FIX/PRICE_QUANTITY">{$line}: the price quantity '{../*:PRICE_QUANTITY}' is not a quantity</hub:problem>
          </xsl:when>
          <xsl:when test="hub:unit-price(.) ne round(hub:unit-price(.), 2)">
            <hub:problem field="{$at}/PRODUCT_PRICE_FIX/PRICE_AMOUNT">{$line}: a unit price of {hub:unit-price(.)} is finer than the cents the ERP keeps</hub:problem>
          </xsl:when>
        </xsl:choose>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- The PARTY a reference (BUYER_IDREF, DELIVERY_IDREF) names: the one with a PARTY_ID of that value and type. -->
  <xsl:function name="hub:party" as="element()?">
    <xsl:param name="reference" as="element()?"/>
    <xsl:sequence select="($reference/ancestor::*:ORDER_INFO/*:PARTIES/*:PARTY[*:PARTY_ID[normalize-space() = normalize-space($reference)
        and (not($reference/@type) or not(@type) or @type = $reference/@type)]])[1]"/>
  </xsl:function>

  <!-- Name, identifier, contact and address of a PARTY. -->
  <xsl:function name="hub:party-details" as="element()*">
    <xsl:param name="party" as="element()"/>
    <xsl:variable name="address" select="$party/*:ADDRESS"/>
    <name>{hub:text($address/*:NAME[1], 80)}</name>
    <xsl:sequence select="hub:identifier($party/*:PARTY_ID)"/>
    <!-- The contact person's e-mail and phone, else the address's. -->
    <xsl:for-each select="($address/*:CONTACT_DETAILS/*:EMAILS/*:EMAIL, $address/*:EMAIL)[normalize-space()][1]">
      <email>{normalize-space(.)}</email>
    </xsl:for-each>
    <xsl:for-each select="($address/*:CONTACT_DETAILS/*:PHONE, $address/*:PHONE)[normalize-space()][1]">
      <phone>{hub:text(., 32)}</phone>
    </xsl:for-each>
    <xsl:variable name="country" select="normalize-space($address/*:COUNTRY_CODED)"/>
    <xsl:if test="normalize-space($address/*:STREET[1]) != '' and normalize-space($address/*:CITY) != ''
        and normalize-space($address/*:ZIP) != '' and matches($country, '^[A-Z]{2}$')">
      <address>
        <street>{hub:text($address/*:STREET[1], 80)}</street>
        <city>{hub:text($address/*:CITY, 40)}</city>
        <postalCode>{normalize-space($address/*:ZIP)}</postalCode>
        <country>{$country}</country>
        <xsl:for-each select="$address/*:STATE[normalize-space()]">
          <region>{hub:text(., 35)}</region>
        </xsl:for-each>
      </address>
    </xsl:if>
  </xsl:function>

  <!-- A party's identifier: its GLN (openTRANS type iln or gln) or DUNS number; else our customer
       number (supplier_specific: the id the supplier gave it); else the buyer's own for it. -->
  <xsl:function name="hub:identifier" as="element()?">
    <xsl:param name="ids" as="element()*"/>
    <xsl:variable name="global" select="$ids[normalize-space()][hub:scheme(@type) = ('GLN', 'DUNS')][1]"/>
    <xsl:variable name="ours" select="$ids[normalize-space()][lower-case(@type) = 'supplier_specific'][1]"/>
    <xsl:variable name="theirs" select="$ids[normalize-space()][1]"/>
    <xsl:choose>
      <xsl:when test="$global">
        <identifier scheme="{hub:scheme($global/@type)}">{normalize-space($global)}</identifier>
      </xsl:when>
      <xsl:when test="$ours">
        <identifier scheme="SELLER_ASSIGNED">{hub:text($ours, 35)}</identifier>
      </xsl:when>
      <xsl:when test="$theirs">
        <identifier scheme="BUYER_ASSIGNED">{hub:text($theirs, 35)}</identifier>
      </xsl:when>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="hub:scheme" as="xs:string?">
    <xsl:param name="type" as="attribute()?"/>
    <xsl:variable name="code" select="lower-case(normalize-space($type))"/>
    <xsl:sequence select="if ($code = ('iln', 'gln')) then 'GLN' else if ($code = 'duns') then 'DUNS' else ()"/>
  </xsl:function>

  <!-- The id type as the order source names it: GLN, DUNS, else the type as sent. -->
  <xsl:function name="hub:scheme-name" as="xs:string">
    <xsl:param name="type" as="attribute()?"/>
    <xsl:sequence select="string((hub:scheme($type), normalize-space($type)[. != ''])[1])"/>
  </xsl:function>

  <xsl:function name="hub:unit-price" as="xs:decimal">
    <xsl:param name="amount" as="element()"/>
    <xsl:variable name="per" select="$amount/../*:PRICE_QUANTITY[. castable as xs:decimal][xs:decimal(.) gt 0]"/>
    <xsl:sequence select="xs:decimal($amount) div (if (exists($per)) then xs:decimal($per) else 1)"/>
  </xsl:function>

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

  <!-- Text as the ERP's columns hold it: spaces collapsed, cut to the column's width (names and streets 80,
       cities 40, phone numbers 32). -->
  <xsl:function name="hub:text" as="xs:string">
    <xsl:param name="value" as="item()?"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:sequence select="substring(normalize-space(string($value)), 1, $width)"/>
  </xsl:function>
</xsl:stylesheet>
