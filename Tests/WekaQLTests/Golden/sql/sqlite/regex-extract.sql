> arrests select suspects, age = regex_extract(suspects, "([0-9]+)-year", 1), first = regex_extract(suspects, "^\\w+"), none = regex_extract(suspects, "zzz(q)", 1) | where suspects is not null | limit 6
WITH "s1" AS MATERIALIZED (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS MATERIALIZED (SELECT "c2" AS "c0", wekaql_regex_group("c2", ?2, ?1, 91, 134) AS "c1", wekaql_regex_group("c2", ?4, ?3, 144, 176) AS "c2", wekaql_regex_group("c2", ?6, ?5, 185, 221) AS "c3", "o" FROM "s1"),
  "s3" AS MATERIALIZED (SELECT * FROM "s2" WHERE ("c0" IS NOT NULL)),
  "s4" AS MATERIALIZED (SELECT * FROM "s3" ORDER BY "o" LIMIT ?7)
SELECT "c0" AS "suspects", "c1" AS "age", "c2" AS "first", "c3" AS "none" FROM "s4" ORDER BY "s4"."o";
-- 1: integer 1
-- 2: string ([0-9]+)-year
-- 3: integer 0
-- 4: string ^\w+
-- 5: integer 1
-- 6: string zzz(q)
-- 7: integer 6
