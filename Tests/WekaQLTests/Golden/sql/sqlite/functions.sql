> operations select name, year, year(start_date) as y, month(start_date) as m, day(end_date) as d, lower(coordinator) as c
WITH "s1" AS (SELECT "name" AS "c0", "year" AS "c1", "stated_year" AS "c2", "dates" AS "c3", "start_date" AS "c4", "end_date" AS "c5", "countries" AS "c6", "continents" AS "c7", "arrests" AS "c8", "arrests_qualifier" AS "c9", "victims_rescued" AS "c10", "victims_rescued_qualifier" AS "c11", "migrants_identified" AS "c12", "migrants_identified_qualifier" AS "c13", "nationalities" AS "c14", "coordinator" AS "c15", "source" AS "c16", rowid AS "o" FROM "operations"),
  "s2" AS (SELECT "c0" AS "c0", "c1" AS "c1", wekaql_year("c4", 64, 80) AS "c2", wekaql_month("c4", 87, 104) AS "c3", wekaql_day("c5", 111, 124) AS "c4", wekaql_lower("c15", 131, 149) AS "c5", "o" FROM "s1")
SELECT "c0" AS "name", "c1" AS "year", "c2" AS "y", "c3" AS "m", "c4" AS "d", "c5" AS "c" FROM "s2" ORDER BY "s2"."o";

> countries where continent = "Europe" select upper(country) as name, length(country) as n, substr(iso3, 1, 2) as s, concat(iso2, "/", iso3) as codes
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s2" AS (SELECT * FROM "s1" WHERE ("c3" = ?1)),
  "s3" AS (SELECT wekaql_upper("c0", 199, 213) AS "c0", wekaql_length("c0", 223, 238) AS "c1", wekaql_substr("c2", ?2, ?3, 245, 263) AS "c2", (coalesce("c1", '') || coalesce(?4, '') || coalesce("c2", '')) AS "c3", "o" FROM "s2")
SELECT "c0" AS "name", "c1" AS "n", "c2" AS "s", "c3" AS "codes" FROM "s3" ORDER BY "s3"."o";
-- 1: string Europe
-- 2: integer 1
-- 3: integer 2
-- 4: string /

> smuggling select country, migrants, fee_usd, round(fee_usd / 3) as third, coalesce(children, 0) as kids
WITH "s1" AS MATERIALIZED (SELECT "country" AS "c0", "migrants" AS "c1", "children" AS "c2", "suspects" AS "c3", "intercepted" AS "c4", "fee_usd" AS "c5", "destination" AS "c6", "details" AS "c7", "source" AS "c8", rowid AS "o" FROM "smuggling"),
  "s2" AS MATERIALIZED (SELECT "c0" AS "c0", "c1" AS "c1", "c5" AS "c2", wekaql_round(wekaql_divide("c5", ?1, 354, 365), 348, 366) AS "c3", coalesce("c2", ?2) AS "c4", "o" FROM "s1")
SELECT "c0" AS "country", "c1" AS "migrants", "c2" AS "fee_usd", "c3" AS "third", "c4" AS "kids" FROM "s2" ORDER BY "s2"."o";
-- 1: integer 3
-- 2: integer 0

> figures where approx select metric, value, abs(-value) as a, value / 8 as eighth, value % 8 as rest, floor(value / 8) as f, ceil(value / 8) as c
WITH "s1" AS MATERIALIZED (SELECT "metric" AS "c0", "value" AS "c1", "approx" AS "c2", "qualifier" AS "c3", "source" AS "c4", rowid AS "o" FROM "figures"),
  "s2" AS MATERIALIZED (SELECT * FROM "s1" WHERE "c2"),
  "s3" AS MATERIALIZED (SELECT "c0" AS "c0", "c1" AS "c1", wekaql_abs(wekaql_neg("c1", 454, 460), 450, 461) AS "c2", wekaql_divide("c1", ?1, 468, 477) AS "c3", wekaql_remainder("c1", ?2, 489, 498) AS "c4", wekaql_floor(wekaql_divide("c1", ?3, 514, 523), 508, 524) AS "c5", wekaql_ceil(wekaql_divide("c1", ?4, 536, 545), 531, 546) AS "c6", "o" FROM "s2")
SELECT "c0" AS "metric", "c1" AS "value", "c2" AS "a", "c3" AS "eighth", "c4" AS "rest", "c5" AS "f", "c6" AS "c" FROM "s3" ORDER BY "s3"."o";
-- 1: integer 8
-- 2: integer 8
-- 3: integer 8
-- 4: integer 8
