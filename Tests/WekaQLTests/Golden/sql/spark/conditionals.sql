> arrests select country, arrested, case when arrested is null then "unknown" when arrested > 2 then "several" else "few" end as size limit 6
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, monotonically_increasing_id() AS `o` FROM `arrests`),
  `s2` AS (SELECT `c0` AS `c0`, `c1` AS `c1`, CASE WHEN (`c1` IS NULL) THEN CAST(:p1 AS STRING) WHEN (`c1` > CAST(:p2 AS BIGINT)) THEN CAST(:p3 AS STRING) ELSE CAST(:p4 AS STRING) END AS `c2`, `o` FROM `s1`),
  `s3` AS (SELECT * FROM `s2` ORDER BY `o` LIMIT CAST(CAST(:p5 AS BIGINT) AS INT))
SELECT `c0` AS `country`, `c1` AS `arrested`, `c2` AS `size` FROM `s3` ORDER BY `s3`.`o`;
-- 1: string unknown
-- 2: integer 2
-- 3: string several
-- 4: string few
-- 5: integer 6

> victims select country, victims, case when victims > 10 then victims end as many, if(victims is null, 0, victims) as n
WITH `s1` AS (SELECT `country` AS `c0`, `victims` AS `c1`, `status` AS `c2`, `nationality` AS `c3`, `origin` AS `c4`, `destination` AS `c5`, `lure` AS `c6`, `exploitation` AS `c7`, `source` AS `c8`, monotonically_increasing_id() AS `o` FROM `victims`),
  `s2` AS (SELECT `c0` AS `c0`, `c1` AS `c1`, CASE WHEN (`c1` > CAST(:p1 AS BIGINT)) THEN `c1` END AS `c2`, CASE WHEN (`c1` IS NULL) THEN CAST(:p2 AS BIGINT) ELSE `c1` END AS `c3`, `o` FROM `s1`)
SELECT `c0` AS `country`, `c1` AS `victims`, `c2` AS `many`, `c3` AS `n` FROM `s2` ORDER BY `s2`.`o`;
-- 1: integer 10
-- 2: integer 0

> figures select metric, case qualifier when "nearly" then "≈" when "some" then "~" else "" end as mark, value limit 8
WITH `s1` AS (SELECT `metric` AS `c0`, `value` AS `c1`, `approx` AS `c2`, `qualifier` AS `c3`, `source` AS `c4`, monotonically_increasing_id() AS `o` FROM `figures`),
  `s2` AS (SELECT `c0` AS `c0`, CASE WHEN (`c3` = CAST(:p1 AS STRING)) THEN CAST(:p2 AS STRING) WHEN (`c3` = CAST(:p3 AS STRING)) THEN CAST(:p4 AS STRING) ELSE CAST(:p5 AS STRING) END AS `c1`, `c1` AS `c2`, `o` FROM `s1`),
  `s3` AS (SELECT * FROM `s2` ORDER BY `o` LIMIT CAST(CAST(:p6 AS BIGINT) AS INT))
SELECT `c0` AS `metric`, `c1` AS `mark`, `c2` AS `value` FROM `s3` ORDER BY `s3`.`o`;
-- 1: string nearly
-- 2: string ≈
-- 3: string some
-- 4: string ~
-- 5: string 
-- 6: integer 8

> smuggling select country, if(migrants is null or migrants = 0, null, children / migrants) as child_share
WITH `s1` AS (SELECT `country` AS `c0`, `migrants` AS `c1`, `children` AS `c2`, `suspects` AS `c3`, `intercepted` AS `c4`, `fee_usd` AS `c5`, `destination` AS `c6`, `details` AS `c7`, `source` AS `c8`, monotonically_increasing_id() AS `o` FROM `smuggling`),
  `s2` AS (SELECT `c0` AS `c0`, CASE WHEN ((`c1` IS NULL) OR (`c1` = CAST(:p1 AS BIGINT))) THEN NULL ELSE (CASE WHEN abs((CAST(`c2` AS DOUBLE) / CAST(`c1` AS DOUBLE))) = CAST('Infinity' AS DOUBLE) THEN raise_error('decimal out of range') ELSE (CAST(`c2` AS DOUBLE) / CAST(`c1` AS DOUBLE)) END) END AS `c1`, `o` FROM `s1`)
SELECT `c0` AS `country`, `c1` AS `child_share` FROM `s2` ORDER BY `s2`.`o`;
-- 1: integer 0
