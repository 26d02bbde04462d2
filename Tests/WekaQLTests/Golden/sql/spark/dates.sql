> operations select name, start_date, end_date, end_date - start_date as days, start_date + 7 as week_later, end_date - 1 as day_before
WITH `s1` AS (SELECT `name` AS `c0`, `year` AS `c1`, `stated_year` AS `c2`, `dates` AS `c3`, `start_date` AS `c4`, `end_date` AS `c5`, `countries` AS `c6`, `continents` AS `c7`, `arrests` AS `c8`, `arrests_qualifier` AS `c9`, `victims_rescued` AS `c10`, `victims_rescued_qualifier` AS `c11`, `migrants_identified` AS `c12`, `migrants_identified_qualifier` AS `c13`, `nationalities` AS `c14`, `coordinator` AS `c15`, `source` AS `c16`, monotonically_increasing_id() AS `o` FROM `operations`),
  `s2` AS (SELECT `c0` AS `c0`, `c4` AS `c1`, `c5` AS `c2`, CAST(datediff(`c5`, `c4`) AS BIGINT) AS `c3`, date_add(`c4`, CAST(CAST(:p1 AS BIGINT) AS INT)) AS `c4`, date_sub(`c5`, CAST(CAST(:p2 AS BIGINT) AS INT)) AS `c5`, `o` FROM `s1`)
SELECT `c0` AS `name`, `c1` AS `start_date`, `c2` AS `end_date`, `c3` AS `days`, `c4` AS `week_later`, `c5` AS `day_before` FROM `s2` ORDER BY `s2`.`o`;
-- 1: integer 7
-- 2: integer 1

> operations select name, date_trunc("month", start_date) as month, date_trunc("week", start_date) as monday, date_trunc("year", end_date) as year
WITH `s1` AS (SELECT `name` AS `c0`, `year` AS `c1`, `stated_year` AS `c2`, `dates` AS `c3`, `start_date` AS `c4`, `end_date` AS `c5`, `countries` AS `c6`, `continents` AS `c7`, `arrests` AS `c8`, `arrests_qualifier` AS `c9`, `victims_rescued` AS `c10`, `victims_rescued_qualifier` AS `c11`, `migrants_identified` AS `c12`, `migrants_identified_qualifier` AS `c13`, `nationalities` AS `c14`, `coordinator` AS `c15`, `source` AS `c16`, monotonically_increasing_id() AS `o` FROM `operations`),
  `s2` AS (SELECT `c0` AS `c0`, CAST(date_trunc('month', `c4`) AS DATE) AS `c1`, CAST(date_trunc('week', `c4`) AS DATE) AS `c2`, CAST(date_trunc('year', `c5`) AS DATE) AS `c3`, `o` FROM `s1`)
SELECT `c0` AS `name`, `c1` AS `month`, `c2` AS `monday`, `c3` AS `year` FROM `s2` ORDER BY `s2`.`o`;

> operations select name, date_diff("day", start_date, end_date) as days, date_diff("month", "2022-01-31", start_date) as months, date_diff("year", "2020-12-31", end_date) as years
WITH `s1` AS (SELECT `name` AS `c0`, `year` AS `c1`, `stated_year` AS `c2`, `dates` AS `c3`, `start_date` AS `c4`, `end_date` AS `c5`, `countries` AS `c6`, `continents` AS `c7`, `arrests` AS `c8`, `arrests_qualifier` AS `c9`, `victims_rescued` AS `c10`, `victims_rescued_qualifier` AS `c11`, `migrants_identified` AS `c12`, `migrants_identified_qualifier` AS `c13`, `nationalities` AS `c14`, `coordinator` AS `c15`, `source` AS `c16`, monotonically_increasing_id() AS `o` FROM `operations`),
  `s2` AS (SELECT `c0` AS `c0`, CAST(datediff(`c5`, `c4`) AS BIGINT) AS `c1`, ((CAST(year(`c4`) AS BIGINT) * 12 + CAST(month(`c4`) AS BIGINT)) - (CAST(year(CAST(:p1 AS DATE)) AS BIGINT) * 12 + CAST(month(CAST(:p1 AS DATE)) AS BIGINT))) AS `c2`, (CAST(year(`c5`) AS BIGINT) - CAST(year(CAST(:p2 AS DATE)) AS BIGINT)) AS `c3`, `o` FROM `s1`)
SELECT `c0` AS `name`, `c1` AS `days`, `c2` AS `months`, `c3` AS `years` FROM `s2` ORDER BY `s2`.`o`;
-- 1: date 2022-01-31
-- 2: date 2020-12-31

> operations where start_date >= "2022-06-01" and end_date < "2022-07-01" select name
WITH `s1` AS (SELECT `name` AS `c0`, `year` AS `c1`, `stated_year` AS `c2`, `dates` AS `c3`, `start_date` AS `c4`, `end_date` AS `c5`, `countries` AS `c6`, `continents` AS `c7`, `arrests` AS `c8`, `arrests_qualifier` AS `c9`, `victims_rescued` AS `c10`, `victims_rescued_qualifier` AS `c11`, `migrants_identified` AS `c12`, `migrants_identified_qualifier` AS `c13`, `nationalities` AS `c14`, `coordinator` AS `c15`, `source` AS `c16`, monotonically_increasing_id() AS `o` FROM `operations`),
  `s2` AS (SELECT * FROM `s1` WHERE (CASE WHEN (`c4` >= CAST(:p1 AS DATE)) THEN (`c5` < CAST(:p2 AS DATE)) ELSE FALSE END)),
  `s3` AS (SELECT `c0` AS `c0`, `o` FROM `s2`)
SELECT `c0` AS `name` FROM `s3` ORDER BY `s3`.`o`;
-- 1: date 2022-06-01
-- 2: date 2022-07-01
