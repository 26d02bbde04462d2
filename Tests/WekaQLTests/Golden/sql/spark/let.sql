> africa count
WITH `s1` AS (SELECT `country` AS `c0`, `iso2` AS `c1`, `iso3` AS `c2`, `continent` AS `c3`, `source` AS `c4`, 0 AS `o` FROM `countries`),
  `s2` AS (SELECT * FROM `s1` WHERE (`c3` = CAST(:p1 AS STRING))),
  `s3` AS (SELECT `c0` AS `c0`, `c1` AS `c1`, `o` FROM `s2`),
  `s4` AS (SELECT count(*) AS `c0`, 1 AS `o` FROM `s3`)
SELECT `c0` AS `count` FROM `s4` ORDER BY `s4`.`o`;
-- 1: string Africa

> trafficking join africa on country select country, arrested, iso2 sort by country
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, monotonically_increasing_id() AS `o` FROM `arrests`),
  `s2` AS (SELECT * FROM `s1` WHERE (`c4` = CAST(:p1 AS STRING))),
  `s3` AS (SELECT `c0` AS `c0`, `c1` AS `c1`, `o` FROM `s2`),
  `s4` AS (SELECT `country` AS `c0`, `iso2` AS `c1`, `iso3` AS `c2`, `continent` AS `c3`, `source` AS `c4`, monotonically_increasing_id() AS `o` FROM `countries`),
  `s5` AS (SELECT * FROM `s4` WHERE (`c3` = CAST(:p2 AS STRING))),
  `s6` AS (SELECT `c0` AS `c0`, `c1` AS `c1`, `o` FROM `s5`),
  `s7` AS (SELECT `l`.`c0` AS `c0`, `l`.`c1` AS `c1`, `r`.`c1` AS `c2`, row_number() OVER (ORDER BY `l`.`o`, `r`.`o`) AS `o` FROM `s3` AS `l` JOIN `s6` AS `r` ON `l`.`c0` = `r`.`c0`),
  `s8` AS (SELECT `c0` AS `c0`, `c1` AS `c1`, `c2` AS `c2`, `o` FROM `s7`),
  `s9` AS (SELECT `c0`, `c1`, `c2`, `o`, `c0` AS `k0` FROM `s8`)
SELECT `c0` AS `country`, `c1` AS `arrested`, `c2` AS `iso2` FROM `s9` ORDER BY `s9`.`k0` NULLS LAST, `s9`.`o`;
-- 1: string human trafficking
-- 2: string Africa
