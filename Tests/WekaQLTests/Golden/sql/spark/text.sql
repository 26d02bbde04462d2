> countries where continent = "Africa" select country, iso2 || "-" || iso3 as codes, left(country, 3) as first3, right(country, 2) as last2, replace(country, " ", "_") as snake limit 6
text.wql:2:84: error[E1000]: no SQL yet for left() in spark
…ent = "Africa" select country, iso2 || "-" || iso3 as codes, left(country, 3) as first3, right(country, 2) as last2, replace(country, " ", "_") as snake limit 6
                                                              ^~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests select country || ": " || arrested as line limit 5
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, monotonically_increasing_id() AS `o` FROM `arrests`),
  `s2` AS (SELECT ((`c0` || CAST(:p1 AS STRING)) || CAST(`c1` AS STRING)) AS `c0`, `o` FROM `s1`),
  `s3` AS (SELECT * FROM `s2` ORDER BY `o` LIMIT CAST(CAST(:p2 AS BIGINT) AS INT))
SELECT `c0` AS `line` FROM `s3` ORDER BY `s3`.`o`;
-- 1: string : 
-- 2: integer 5
