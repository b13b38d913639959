<#--
  The order file of the file-import ERP profile: one H record for the order, one L record per line,
  fields separated by ';', dates as yyyyMMdd, quantities with three decimals and amounts with two,
  whatever the machine's locale. The names are those of the booking statements (README, "Connect
  your ERP"): order.<header value>, lines[n].<line value>, reference. An absent value is written
  empty (the ! after a name); f() keeps a ';' or a line break in a value from breaking the record.
  For a fixed-width layout, pad instead: ${order.orderId?right_pad(35)}${line.quantity?string["0.000"]?left_pad(12)}.
-->
<#setting locale="en_US">
<#function f value=""><#return value?string?replace(";", ",")?replace("\r", " ")?replace("\n", " ")></#function>
<#assign order = body.order>
H;${body.reference};${f(order.source)};${f(order.orderId)};${order.orderDate?replace("-", "")};${order.currency!};<#t>
${f(order.buyerName)};${f(order.buyerEmail)};${f(order.buyerPhone)};${f(order.buyerStreet)};${f(order.buyerPostalCode)};<#t>
${f(order.buyerCity)};${f(order.buyerCountry)};${f(order.shipToName)};${f(order.shipToStreet)};${f(order.shipToPostalCode)};<#t>
${f(order.shipToCity)};${f(order.shipToCountry)};${order.netTotal?string["0.00"]}
<#list body.lines as line>
L;${line.lineNumber?c};${f(line.sku)};${f(line.description)};${line.quantity?string["0.000"]};${f(line.unit)};<#t>
${line.unitPrice?string["0.00"]};${line.amount?string["0.00"]}
</#list>
