> arrests union victims union items where country =~ "cote d'ivoire" select collection, country, arrested, victims, status, item
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", rowid AS "o" FROM "victims"),
  "s3" AS (SELECT "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "c12", "c13", "c14", "c15", "c16", "c17", row_number() OVER (ORDER BY "p", "o") AS "o" FROM (SELECT CAST(?1 AS TEXT) AS "c0", CAST("c0" AS TEXT) AS "c1", CAST("c1" AS INTEGER) AS "c2", CAST("c2" AS TEXT) AS "c3", CAST("c3" AS TEXT) AS "c4", CAST("c4" AS TEXT) AS "c5", CAST("c5" AS TEXT) AS "c6", CAST("c6" AS TEXT) AS "c7", CAST("c7" AS TEXT) AS "c8", CAST("c8" AS TEXT) AS "c9", CAST("c9" AS TEXT) AS "c10", CAST("c10" AS TEXT) AS "c11", CAST(NULL AS INTEGER) AS "c12", CAST(NULL AS TEXT) AS "c13", CAST(NULL AS TEXT) AS "c14", CAST(NULL AS TEXT) AS "c15", CAST(NULL AS TEXT) AS "c16", CAST(NULL AS TEXT) AS "c17", 0 AS "p", "o" FROM "s1" UNION ALL SELECT CAST(?2 AS TEXT) AS "c0", CAST("c0" AS TEXT) AS "c1", CAST(NULL AS INTEGER) AS "c2", CAST(NULL AS TEXT) AS "c3", CAST("c3" AS TEXT) AS "c4", CAST(NULL AS TEXT) AS "c5", CAST(NULL AS TEXT) AS "c6", CAST(NULL AS TEXT) AS "c7", CAST(NULL AS TEXT) AS "c8", CAST(NULL AS TEXT) AS "c9", CAST(NULL AS TEXT) AS "c10", CAST("c8" AS TEXT) AS "c11", CAST("c1" AS INTEGER) AS "c12", CAST("c2" AS TEXT) AS "c13", CAST("c4" AS TEXT) AS "c14", CAST("c5" AS TEXT) AS "c15", CAST("c6" AS TEXT) AS "c16", CAST("c7" AS TEXT) AS "c17", 1 AS "p", "o" FROM "s2") AS "u"),
  "s4" AS (SELECT "country" AS "c0", "item" AS "c1", "quantity" AS "c2", "status" AS "c3", "details" AS "c4", "source" AS "c5", rowid AS "o" FROM "items"),
  "s5" AS (SELECT "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "c12", "c13", "c14", "c15", "c16", "c17", "c18", "c19", "c20", row_number() OVER (ORDER BY "p", "o") AS "o" FROM (SELECT CAST("c0" AS TEXT) AS "c0", CAST("c1" AS TEXT) AS "c1", CAST("c2" AS INTEGER) AS "c2", CAST("c3" AS TEXT) AS "c3", CAST("c4" AS TEXT) AS "c4", CAST("c5" AS TEXT) AS "c5", CAST("c6" AS TEXT) AS "c6", CAST("c7" AS TEXT) AS "c7", CAST("c8" AS TEXT) AS "c8", CAST("c9" AS TEXT) AS "c9", CAST("c10" AS TEXT) AS "c10", CAST("c11" AS TEXT) AS "c11", CAST("c12" AS INTEGER) AS "c12", CAST("c13" AS TEXT) AS "c13", CAST("c14" AS TEXT) AS "c14", CAST("c15" AS TEXT) AS "c15", CAST("c16" AS TEXT) AS "c16", CAST("c17" AS TEXT) AS "c17", CAST(NULL AS TEXT) AS "c18", CAST(NULL AS INTEGER) AS "c19", CAST(NULL AS TEXT) AS "c20", 0 AS "p", "o" FROM "s3" UNION ALL SELECT CAST(?3 AS TEXT) AS "c0", CAST("c0" AS TEXT) AS "c1", CAST(NULL AS INTEGER) AS "c2", CAST(NULL AS TEXT) AS "c3", CAST(NULL AS TEXT) AS "c4", CAST(NULL AS TEXT) AS "c5", CAST(NULL AS TEXT) AS "c6", CAST(NULL AS TEXT) AS "c7", CAST(NULL AS TEXT) AS "c8", CAST(NULL AS TEXT) AS "c9", CAST(NULL AS TEXT) AS "c10", CAST("c5" AS TEXT) AS "c11", CAST(NULL AS INTEGER) AS "c12", CAST("c3" AS TEXT) AS "c13", CAST(NULL AS TEXT) AS "c14", CAST(NULL AS TEXT) AS "c15", CAST(NULL AS TEXT) AS "c16", CAST(NULL AS TEXT) AS "c17", CAST("c1" AS TEXT) AS "c18", CAST("c2" AS INTEGER) AS "c19", CAST("c4" AS TEXT) AS "c20", 1 AS "p", "o" FROM "s4") AS "u"),
  "s6" AS (SELECT * FROM "s5" WHERE (wekaql_fold("c1") = wekaql_fold(?4))),
  "s7" AS (SELECT "c0" AS "c0", "c1" AS "c1", "c2" AS "c2", "c12" AS "c3", "c13" AS "c4", "c18" AS "c5", "o" FROM "s6")
SELECT "c0" AS "collection", "c1" AS "country", "c2" AS "arrested", "c3" AS "victims", "c4" AS "status", "c5" AS "item" FROM "s7" ORDER BY "s7"."o";
-- 1: string arrests
-- 2: string victims
-- 3: string items
-- 4: string Côte d'Ivoire

> arrests union victims union items count by collection
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s2" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", 0 AS "o" FROM "victims"),
  "s3" AS (SELECT "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "c12", "c13", "c14", "c15", "c16", "c17", row_number() OVER (ORDER BY "p", "o") AS "o" FROM (SELECT CAST(?1 AS TEXT) AS "c0", CAST("c0" AS TEXT) AS "c1", CAST("c1" AS INTEGER) AS "c2", CAST("c2" AS TEXT) AS "c3", CAST("c3" AS TEXT) AS "c4", CAST("c4" AS TEXT) AS "c5", CAST("c5" AS TEXT) AS "c6", CAST("c6" AS TEXT) AS "c7", CAST("c7" AS TEXT) AS "c8", CAST("c8" AS TEXT) AS "c9", CAST("c9" AS TEXT) AS "c10", CAST("c10" AS TEXT) AS "c11", CAST(NULL AS INTEGER) AS "c12", CAST(NULL AS TEXT) AS "c13", CAST(NULL AS TEXT) AS "c14", CAST(NULL AS TEXT) AS "c15", CAST(NULL AS TEXT) AS "c16", CAST(NULL AS TEXT) AS "c17", 0 AS "p", "o" FROM "s1" UNION ALL SELECT CAST(?2 AS TEXT) AS "c0", CAST("c0" AS TEXT) AS "c1", CAST(NULL AS INTEGER) AS "c2", CAST(NULL AS TEXT) AS "c3", CAST("c3" AS TEXT) AS "c4", CAST(NULL AS TEXT) AS "c5", CAST(NULL AS TEXT) AS "c6", CAST(NULL AS TEXT) AS "c7", CAST(NULL AS TEXT) AS "c8", CAST(NULL AS TEXT) AS "c9", CAST(NULL AS TEXT) AS "c10", CAST("c8" AS TEXT) AS "c11", CAST("c1" AS INTEGER) AS "c12", CAST("c2" AS TEXT) AS "c13", CAST("c4" AS TEXT) AS "c14", CAST("c5" AS TEXT) AS "c15", CAST("c6" AS TEXT) AS "c16", CAST("c7" AS TEXT) AS "c17", 1 AS "p", "o" FROM "s2") AS "u"),
  "s4" AS (SELECT "country" AS "c0", "item" AS "c1", "quantity" AS "c2", "status" AS "c3", "details" AS "c4", "source" AS "c5", 0 AS "o" FROM "items"),
  "s5" AS (SELECT "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "c12", "c13", "c14", "c15", "c16", "c17", "c18", "c19", "c20", row_number() OVER (ORDER BY "p", "o") AS "o" FROM (SELECT CAST("c0" AS TEXT) AS "c0", CAST("c1" AS TEXT) AS "c1", CAST("c2" AS INTEGER) AS "c2", CAST("c3" AS TEXT) AS "c3", CAST("c4" AS TEXT) AS "c4", CAST("c5" AS TEXT) AS "c5", CAST("c6" AS TEXT) AS "c6", CAST("c7" AS TEXT) AS "c7", CAST("c8" AS TEXT) AS "c8", CAST("c9" AS TEXT) AS "c9", CAST("c10" AS TEXT) AS "c10", CAST("c11" AS TEXT) AS "c11", CAST("c12" AS INTEGER) AS "c12", CAST("c13" AS TEXT) AS "c13", CAST("c14" AS TEXT) AS "c14", CAST("c15" AS TEXT) AS "c15", CAST("c16" AS TEXT) AS "c16", CAST("c17" AS TEXT) AS "c17", CAST(NULL AS TEXT) AS "c18", CAST(NULL AS INTEGER) AS "c19", CAST(NULL AS TEXT) AS "c20", 0 AS "p", "o" FROM "s3" UNION ALL SELECT CAST(?3 AS TEXT) AS "c0", CAST("c0" AS TEXT) AS "c1", CAST(NULL AS INTEGER) AS "c2", CAST(NULL AS TEXT) AS "c3", CAST(NULL AS TEXT) AS "c4", CAST(NULL AS TEXT) AS "c5", CAST(NULL AS TEXT) AS "c6", CAST(NULL AS TEXT) AS "c7", CAST(NULL AS TEXT) AS "c8", CAST(NULL AS TEXT) AS "c9", CAST(NULL AS TEXT) AS "c10", CAST("c5" AS TEXT) AS "c11", CAST(NULL AS INTEGER) AS "c12", CAST("c3" AS TEXT) AS "c13", CAST(NULL AS TEXT) AS "c14", CAST(NULL AS TEXT) AS "c15", CAST(NULL AS TEXT) AS "c16", CAST(NULL AS TEXT) AS "c17", CAST("c1" AS TEXT) AS "c18", CAST("c2" AS INTEGER) AS "c19", CAST("c4" AS TEXT) AS "c20", 1 AS "p", "o" FROM "s4") AS "u"),
  "s6" AS (SELECT *, "c0" AS "g0" FROM "s5"),
  "s7" AS (SELECT "g0" AS "c0", count(*) AS "c1", row_number() OVER (ORDER BY "g0" COLLATE BINARY NULLS LAST) AS "o" FROM "s6" GROUP BY "g0")
SELECT "c0" AS "collection", "c1" AS "count" FROM "s7" ORDER BY "s7"."o";
-- 1: string arrests
-- 2: string victims
-- 3: string items

> arrests select country, arrested union (smuggling select country, arrested = migrants) where country = "Gambia"
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT "c0" AS "c0", "c1" AS "c1", "o" FROM "s1"),
  "s3" AS (SELECT "country" AS "c0", "migrants" AS "c1", "children" AS "c2", "suspects" AS "c3", "intercepted" AS "c4", "fee_usd" AS "c5", "destination" AS "c6", "details" AS "c7", "source" AS "c8", rowid AS "o" FROM "smuggling"),
  "s4" AS (SELECT "c0" AS "c0", "c1" AS "c1", "o" FROM "s3"),
  "s5" AS (SELECT "c0", "c1", "c2", row_number() OVER (ORDER BY "p", "o") AS "o" FROM (SELECT CAST(?1 AS TEXT) AS "c0", CAST("c0" AS TEXT) AS "c1", CAST("c1" AS INTEGER) AS "c2", 0 AS "p", "o" FROM "s2" UNION ALL SELECT CAST(?2 AS TEXT) AS "c0", CAST("c0" AS TEXT) AS "c1", CAST("c1" AS INTEGER) AS "c2", 1 AS "p", "o" FROM "s4") AS "u"),
  "s6" AS (SELECT * FROM "s5" WHERE ("c1" = ?3))
SELECT "c0" AS "collection", "c1" AS "country", "c2" AS "arrested" FROM "s6" ORDER BY "s6"."o";
-- 1: string arrests
-- 2: string smuggling
-- 3: string Gambia

> countries select country, n = 1 union (figures select country = metric, n = 2.5) sort by n desc limit 3
union.wql:5:33: error[E1000]: no SQL yet for union of an exact decimal column in sqlite
countries select country, n = 1 union (figures select country = metric, n = 2.5) sort by n desc limit 3
                                ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: sqlite has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests select country union distinct (victims select country) union distinct (items select country)
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT "c0" AS "c0", "o" FROM "s1"),
  "s3" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", rowid AS "o" FROM "victims"),
  "s4" AS (SELECT "c0" AS "c0", "o" FROM "s3"),
  "s5" AS (SELECT "c0", row_number() OVER (ORDER BY "p", "o") AS "o" FROM (SELECT CAST("c0" AS TEXT) AS "c0", 0 AS "p", "o" FROM "s2" UNION ALL SELECT CAST("c0" AS TEXT) AS "c0", 1 AS "p", "o" FROM "s4") AS "u"),
  "s6" AS (SELECT "c0", min("o") AS "o" FROM "s5" GROUP BY "c0"),
  "s7" AS (SELECT "country" AS "c0", "item" AS "c1", "quantity" AS "c2", "status" AS "c3", "details" AS "c4", "source" AS "c5", rowid AS "o" FROM "items"),
  "s8" AS (SELECT "c0" AS "c0", "o" FROM "s7"),
  "s9" AS (SELECT "c0", row_number() OVER (ORDER BY "p", "o") AS "o" FROM (SELECT CAST("c0" AS TEXT) AS "c0", 0 AS "p", "o" FROM "s6" UNION ALL SELECT CAST("c0" AS TEXT) AS "c0", 1 AS "p", "o" FROM "s8") AS "u"),
  "s10" AS (SELECT "c0", min("o") AS "o" FROM "s9" GROUP BY "c0")
SELECT "c0" AS "country" FROM "s10" ORDER BY "s10"."o";

> first union first where country = "Togo"
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT "c0" AS "c0", "c4" AS "c1", "o" FROM "s1"),
  "s3" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s4" AS (SELECT "c0" AS "c0", "c4" AS "c1", "o" FROM "s3"),
  "s5" AS (SELECT "c0", "c1", "c2", row_number() OVER (ORDER BY "p", "o") AS "o" FROM (SELECT CAST(?1 AS TEXT) AS "c0", CAST("c0" AS TEXT) AS "c1", CAST("c1" AS TEXT) AS "c2", 0 AS "p", "o" FROM "s2" UNION ALL SELECT CAST(?2 AS TEXT) AS "c0", CAST("c0" AS TEXT) AS "c1", CAST("c1" AS TEXT) AS "c2", 1 AS "p", "o" FROM "s4") AS "u"),
  "s6" AS (SELECT * FROM "s5" WHERE ("c1" = ?3))
SELECT "c0" AS "collection", "c1" AS "country", "c2" AS "offence" FROM "s6" ORDER BY "s6"."o";
-- 1: string first
-- 2: string first
-- 3: string Togo
