> arrests select suspects, age = regex_extract(suspects, "([0-9]+)-year", 1), first = regex_extract(suspects, "^\\w+"), none = regex_extract(suspects, "zzz(q)", 1) | where suspects is not null | limit 6
regex-extract.wql:2:32: error[E1000]: no SQL yet for regex_extract() in spark
arrests select suspects, age = regex_extract(suspects, "([0-9]+)-year", 1), first = regex_extract(suspects, "^\\w+"), none = regex_extract(suspects, "zzz(q)", 1…
                               ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect
