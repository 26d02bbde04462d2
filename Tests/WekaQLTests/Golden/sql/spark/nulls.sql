> victims where origin is not null select country, victims, origin
WITH `s1` AS (SELECT `country` AS `c0`, `victims` AS `c1`, `status` AS `c2`, `nationality` AS `c3`, `origin` AS `c4`, `destination` AS `c5`, `lure` AS `c6`, `exploitation` AS `c7`, `source` AS `c8`, monotonically_increasing_id() AS `o` FROM `victims`),
  `s2` AS (SELECT * FROM `s1` WHERE (`c4` IS NOT NULL)),
  `s3` AS (SELECT `c0` AS `c0`, `c1` AS `c1`, `c4` AS `c2`, `o` FROM `s2`)
SELECT `c0` AS `country`, `c1` AS `victims`, `c2` AS `origin` FROM `s3` ORDER BY `s3`.`o`;

> arrests sort by arrested select country, arrested
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, monotonically_increasing_id() AS `o` FROM `arrests`),
  `s2` AS (SELECT `c0`, `c1`, `c2`, `c3`, `c4`, `c5`, `c6`, `c7`, `c8`, `c9`, `c10`, `o`, `c1` AS `k0` FROM `s1`),
  `s3` AS (SELECT `c0`, `c1`, `c2`, `c3`, `c4`, `c5`, `c6`, `c7`, `c8`, `c9`, `c10`, row_number() OVER (ORDER BY `s2`.`k0` NULLS LAST, `s2`.`o`) AS `o` FROM `s2`),
  `s4` AS (SELECT `c0` AS `c0`, `c1` AS `c1`, `o` FROM `s3`)
SELECT `c0` AS `country`, `c1` AS `arrested` FROM `s4` ORDER BY `s4`.`o`;

> arrests sort by arrested desc select country, arrested
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, monotonically_increasing_id() AS `o` FROM `arrests`),
  `s2` AS (SELECT `c0`, `c1`, `c2`, `c3`, `c4`, `c5`, `c6`, `c7`, `c8`, `c9`, `c10`, `o`, `c1` AS `k0` FROM `s1`),
  `s3` AS (SELECT `c0`, `c1`, `c2`, `c3`, `c4`, `c5`, `c6`, `c7`, `c8`, `c9`, `c10`, row_number() OVER (ORDER BY `s2`.`k0` DESC NULLS LAST, `s2`.`o`) AS `o` FROM `s2`),
  `s4` AS (SELECT `c0` AS `c0`, `c1` AS `c1`, `o` FROM `s3`)
SELECT `c0` AS `country`, `c1` AS `arrested` FROM `s4` ORDER BY `s4`.`o`;

> arrests where not (arrested > 1) select country, arrested
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, monotonically_increasing_id() AS `o` FROM `arrests`),
  `s2` AS (SELECT * FROM `s1` WHERE (NOT (`c1` > CAST(:p1 AS BIGINT)))),
  `s3` AS (SELECT `c0` AS `c0`, `c1` AS `c1`, `o` FROM `s2`)
SELECT `c0` AS `country`, `c1` AS `arrested` FROM `s3` ORDER BY `s3`.`o`;
-- 1: integer 1

> arrests where nationality is null or arrested is null count
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, 0 AS `o` FROM `arrests`),
  `s2` AS (SELECT * FROM `s1` WHERE (CASE WHEN (`c3` IS NULL) THEN TRUE ELSE (`c1` IS NULL) END)),
  `s3` AS (SELECT count(*) AS `c0`, 1 AS `o` FROM `s2`)
SELECT `c0` AS `count` FROM `s3` ORDER BY `s3`.`o`;
