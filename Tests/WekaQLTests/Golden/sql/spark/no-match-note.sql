> countries where country = "Cote d'Ivoire"
WITH `s1` AS (SELECT `country` AS `c0`, `iso2` AS `c1`, `iso3` AS `c2`, `continent` AS `c3`, `source` AS `c4`, monotonically_increasing_id() AS `o` FROM `countries`),
  `s2` AS (SELECT * FROM `s1` WHERE (`c0` = CAST(:p1 AS STRING)))
SELECT `c0` AS `country`, `c1` AS `iso2`, `c2` AS `iso3`, `c3` AS `continent`, `c4` AS `source` FROM `s2` ORDER BY `s2`.`o`;
-- 1: string Cote d'Ivoire

> arrests where country = "Gambai" select country, arrested
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, monotonically_increasing_id() AS `o` FROM `arrests`),
  `s2` AS (SELECT * FROM `s1` WHERE (`c0` = CAST(:p1 AS STRING))),
  `s3` AS (SELECT `c0` AS `c0`, `c1` AS `c1`, `o` FROM `s2`)
SELECT `c0` AS `country`, `c1` AS `arrested` FROM `s3` ORDER BY `s3`.`o`;
-- 1: string Gambai
