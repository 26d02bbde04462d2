> arrests summarize people = sum(arrested), reports = count() by offence
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, 0 AS `o` FROM `arrests`),
  `s2` AS (SELECT *, `c4` AS `g0` FROM `s1`),
  `s3` AS (SELECT `g0` AS `c0`, sum(`c1`) AS `c1`, count(*) AS `c2`, row_number() OVER (ORDER BY `g0` NULLS LAST) AS `o` FROM `s2` GROUP BY `g0`)
SELECT `c0` AS `offence`, `c1` AS `people`, `c2` AS `reports` FROM `s3` ORDER BY `s3`.`o`;

> arrests summarize n = count(), known = count(arrested), countries = count_distinct(country), total = sum(arrested), mean = avg(arrested), least = min(arrested), most = max(arrested)
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, 0 AS `o` FROM `arrests`),
  `s2` AS (SELECT count(*) AS `c0`, count(`c1`) AS `c1`, count(DISTINCT `c0`) AS `c2`, sum(`c1`) AS `c3`, CAST(avg(`c1`) AS DOUBLE) AS `c4`, min(`c1`) AS `c5`, max(`c1`) AS `c6`, 1 AS `o` FROM `s1`)
SELECT `c0` AS `n`, `c1` AS `known`, `c2` AS `countries`, `c3` AS `total`, `c4` AS `mean`, `c5` AS `least`, `c6` AS `most` FROM `s2` ORDER BY `s2`.`o`;

> victims summarize groups = count(), victims = sum(victims), first = min(country), last = max(country) by destination
WITH `s1` AS (SELECT `country` AS `c0`, `victims` AS `c1`, `status` AS `c2`, `nationality` AS `c3`, `origin` AS `c4`, `destination` AS `c5`, `lure` AS `c6`, `exploitation` AS `c7`, `source` AS `c8`, 0 AS `o` FROM `victims`),
  `s2` AS (SELECT *, `c5` AS `g0` FROM `s1`),
  `s3` AS (SELECT `g0` AS `c0`, count(*) AS `c1`, sum(`c1`) AS `c2`, min(`c0`) AS `c3`, max(`c0`) AS `c4`, row_number() OVER (ORDER BY `g0` NULLS LAST) AS `o` FROM `s2` GROUP BY `g0`)
SELECT `c0` AS `destination`, `c1` AS `groups`, `c2` AS `victims`, `c3` AS `first`, `c4` AS `last` FROM `s3` ORDER BY `s3`.`o`;
