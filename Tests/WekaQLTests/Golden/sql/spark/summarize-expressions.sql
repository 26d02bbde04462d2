> smuggling summarize child_share = round(sum(children) / sum(migrants), 3), spread = max(migrants) - min(migrants), reports = count()
summarize-expressions.wql:2:35: error[E1000]: no SQL yet for round() in spark
smuggling summarize child_share = round(sum(children) / sum(migrants), 3), spread = max(migrants) - min(migrants), reports = count()
                                  ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests summarize people = sum(arrested), per_report = round(sum(arrested) / count(arrested), 2) by offence
summarize-expressions.wql:3:56: error[E1000]: no SQL yet for round() in spark
arrests summarize people = sum(arrested), per_report = round(sum(arrested) / count(arrested), 2) by offence
                                                       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> operations count by year(start_date)
WITH `s1` AS (SELECT `name` AS `c0`, `year` AS `c1`, `stated_year` AS `c2`, `dates` AS `c3`, `start_date` AS `c4`, `end_date` AS `c5`, `countries` AS `c6`, `continents` AS `c7`, `arrests` AS `c8`, `arrests_qualifier` AS `c9`, `victims_rescued` AS `c10`, `victims_rescued_qualifier` AS `c11`, `migrants_identified` AS `c12`, `migrants_identified_qualifier` AS `c13`, `nationalities` AS `c14`, `coordinator` AS `c15`, `source` AS `c16`, 0 AS `o` FROM `operations`),
  `s2` AS (SELECT *, CAST(year(`c4`) AS BIGINT) AS `g0` FROM `s1`),
  `s3` AS (SELECT `g0` AS `c0`, count(*) AS `c1`, row_number() OVER (ORDER BY `g0` NULLS LAST) AS `o` FROM `s2` GROUP BY `g0`)
SELECT `c0` AS `year(start_date)`, `c1` AS `count` FROM `s3` ORDER BY `s3`.`o`;

> operations summarize n = count() by decade = floor(year / 10) * 10
WITH `s1` AS (SELECT `name` AS `c0`, `year` AS `c1`, `stated_year` AS `c2`, `dates` AS `c3`, `start_date` AS `c4`, `end_date` AS `c5`, `countries` AS `c6`, `continents` AS `c7`, `arrests` AS `c8`, `arrests_qualifier` AS `c9`, `victims_rescued` AS `c10`, `victims_rescued_qualifier` AS `c11`, `migrants_identified` AS `c12`, `migrants_identified_qualifier` AS `c13`, `nationalities` AS `c14`, `coordinator` AS `c15`, `source` AS `c16`, 0 AS `o` FROM `operations`),
  `s2` AS (SELECT *, (CAST(floor((CASE WHEN abs((CAST(`c1` AS DOUBLE) / CAST(CAST(:p1 AS BIGINT) AS DOUBLE))) = CAST('Infinity' AS DOUBLE) THEN raise_error('decimal out of range') ELSE (CAST(`c1` AS DOUBLE) / CAST(CAST(:p1 AS BIGINT) AS DOUBLE)) END)) AS BIGINT) * CAST(:p2 AS BIGINT)) AS `g0` FROM `s1`),
  `s3` AS (SELECT `g0` AS `c0`, count(*) AS `c1`, row_number() OVER (ORDER BY `g0` NULLS LAST) AS `o` FROM `s2` GROUP BY `g0`)
SELECT `c0` AS `decade`, `c1` AS `n` FROM `s3` ORDER BY `s3`.`o`;
-- 1: integer 10
-- 2: integer 10

> figures summarize n = count(), total = sum(value) by kind = if(approx, "approximate", "exact")
WITH `s1` AS (SELECT `metric` AS `c0`, `value` AS `c1`, `approx` AS `c2`, `qualifier` AS `c3`, `source` AS `c4`, 0 AS `o` FROM `figures`),
  `s2` AS (SELECT *, CASE WHEN `c2` THEN CAST(:p1 AS STRING) ELSE CAST(:p2 AS STRING) END AS `g0` FROM `s1`),
  `s3` AS (SELECT `g0` AS `c0`, count(*) AS `c1`, sum(`c1`) AS `c2`, row_number() OVER (ORDER BY `g0` NULLS LAST) AS `o` FROM `s2` GROUP BY `g0`)
SELECT `c0` AS `kind`, `c1` AS `n`, `c2` AS `total` FROM `s3` ORDER BY `s3`.`o`;
-- 1: string approximate
-- 2: string exact
