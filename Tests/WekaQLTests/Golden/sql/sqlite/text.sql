> countries where continent = "Africa" select country, iso2 || "-" || iso3 as codes, left(country, 3) as first3, right(country, 2) as last2, replace(country, " ", "_") as snake limit 6
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s2" AS (SELECT * FROM "s1" WHERE ("c3" = ?1)),
  "s3" AS (SELECT "c0" AS "c0", (("c1" || ?2) || "c2") AS "c1", wekaql_left("c0", ?3, 135, 151) AS "c2", wekaql_right("c0", ?4, 163, 180) AS "c3", wekaql_replace("c0", ?5, ?6, 191, 217) AS "c4", "o" FROM "s2"),
  "s4" AS (SELECT * FROM "s3" ORDER BY "o" LIMIT ?7)
SELECT "c0" AS "country", "c1" AS "codes", "c2" AS "first3", "c3" AS "last2", "c4" AS "snake" FROM "s4" ORDER BY "s4"."o";
-- 1: string Africa
-- 2: string -
-- 3: integer 3
-- 4: integer 2
-- 5: string  
-- 6: string _
-- 7: integer 6

> arrests select country || ": " || arrested as line limit 5
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT (("c0" || ?1) || CAST("c1" AS TEXT)) AS "c0", "o" FROM "s1"),
  "s3" AS (SELECT * FROM "s2" ORDER BY "o" LIMIT ?2)
SELECT "c0" AS "line" FROM "s3" ORDER BY "s3"."o";
-- 1: string : 
-- 2: integer 5
