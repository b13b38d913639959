-- Benchmarks book hundreds of thousands of orders; give the demo catalogue stock for all of them.
UPDATE ITMMAS SET IMONHD = 1000000000;
