> countries where continent = "Europe" extend code = iso2 || "/" || iso3, country = upper(country) drop source
WITH `s1` AS (SELECT `country` AS `c0`, `iso2` AS `c1`, `iso3` AS `c2`, `continent` AS `c3`, `source` AS `c4`, monotonically_increasing_id() AS `o` FROM `countries`),
  `s2` AS (SELECT * FROM `s1` WHERE (`c3` = CAST(:p1 AS STRING))),
  `s3` AS (SELECT upper(`c0`) AS `c0`, `c1` AS `c1`, `c2` AS `c2`, `c3` AS `c3`, `c4` AS `c4`, ((`c1` || CAST(:p2 AS STRING)) || `c2`) AS `c5`, `o` FROM `s2`),
  `s4` AS (SELECT `c0` AS `c0`, `c1` AS `c1`, `c2` AS `c2`, `c3` AS `c3`, `c5` AS `c4`, `o` FROM `s3`)
SELECT `c0` AS `country`, `c1` AS `iso2`, `c2` AS `iso3`, `c3` AS `continent`, `c4` AS `code` FROM `s4` ORDER BY `s4`.`o`;
-- 1: string Europe
-- 2: string /

> arrests select who = country, many = (arrested > 2), (arrested = 1) limit 3
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, monotonically_increasing_id() AS `o` FROM `arrests`),
  `s2` AS (SELECT `c0` AS `c0`, (`c1` > CAST(:p1 AS BIGINT)) AS `c1`, (`c1` = CAST(:p2 AS BIGINT)) AS `c2`, `o` FROM `s1`),
  `s3` AS (SELECT * FROM `s2` ORDER BY `o` LIMIT CAST(CAST(:p3 AS BIGINT) AS INT))
SELECT `c0` AS `who`, `c1` AS `many`, `c2` AS `(arrested = 1)` FROM `s3` ORDER BY `s3`.`o`;
-- 1: integer 2
-- 2: integer 1
-- 3: integer 3

> arrests rename country as land, arrested as n | drop source, allegation, suspects | top 3 by n desc, land
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, monotonically_increasing_id() AS `o` FROM `arrests`),
  `s2` AS (SELECT `c0` AS `c0`, `c1` AS `c1`, `c2` AS `c2`, `c3` AS `c3`, `c4` AS `c4`, `c5` AS `c5`, `c6` AS `c6`, `c7` AS `c7`, `c8` AS `c8`, `c9` AS `c9`, `c10` AS `c10`, `o` FROM `s1`),
  `s3` AS (SELECT `c0` AS `c0`, `c1` AS `c1`, `c3` AS `c2`, `c4` AS `c3`, `c5` AS `c4`, `c6` AS `c5`, `c7` AS `c6`, `c8` AS `c7`, `o` FROM `s2`),
  `s4` AS (SELECT `c0`, `c1`, `c2`, `c3`, `c4`, `c5`, `c6`, `c7`, `o`, `c1` AS `k0`, `c0` AS `k1` FROM `s3`),
  `s5` AS (SELECT * FROM `s4` ORDER BY `s4`.`k0` DESC NULLS LAST, `s4`.`k1` NULLS LAST, `s4`.`o` LIMIT CAST(CAST(:p1 AS BIGINT) AS INT))
SELECT `c0` AS `land`, `c1` AS `n`, `c2` AS `nationality`, `c3` AS `offence`, `c4` AS `place`, `c5` AS `linked_operation`, `c6` AS `notice`, `c7` AS `notice_published_by` FROM `s5` ORDER BY `s5`.`k0` DESC NULLS LAST, `s5`.`k1` NULLS LAST, `s5`.`o`;
-- 1: integer 3

> arrests top 2 by arrested
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, monotonically_increasing_id() AS `o` FROM `arrests`),
  `s2` AS (SELECT `c0`, `c1`, `c2`, `c3`, `c4`, `c5`, `c6`, `c7`, `c8`, `c9`, `c10`, `o`, `c1` AS `k0` FROM `s1`),
  `s3` AS (SELECT * FROM `s2` ORDER BY `s2`.`k0` NULLS LAST, `s2`.`o` LIMIT CAST(CAST(:p1 AS BIGINT) AS INT))
SELECT `c0` AS `country`, `c1` AS `arrested`, `c2` AS `suspects`, `c3` AS `nationality`, `c4` AS `offence`, `c5` AS `place`, `c6` AS `linked_operation`, `c7` AS `notice`, `c8` AS `notice_published_by`, `c9` AS `allegation`, `c10` AS `source` FROM `s3` ORDER BY `s3`.`k0` NULLS LAST, `s3`.`o`;
-- 1: integer 2
