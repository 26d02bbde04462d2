> arrests union victims union items where country =~ "cote d'ivoire" select collection, country, arrested, victims, status, item
union.wql:2:9: error[E1000]: no SQL yet for union in sqlite
arrests union victims union items where country =~ "cote d'ivoire" select collection, country, arrested, victims, status, item
        ^~~~~~~~~~~~~
help: sqlite has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests union victims union items count by collection
union.wql:3:9: error[E1000]: no SQL yet for union in sqlite
arrests union victims union items count by collection
        ^~~~~~~~~~~~~
help: sqlite has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests select country, arrested union (smuggling select country, arrested = migrants) where country = "Gambia"
union.wql:4:34: error[E1000]: no SQL yet for union in sqlite
arrests select country, arrested union (smuggling select country, arrested = migrants) where country = "Gambia"
                                 ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: sqlite has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> countries select country, n = 1 union (figures select country = metric, n = 2.5) sort by n desc limit 3
union.wql:5:33: error[E1000]: no SQL yet for union in sqlite
countries select country, n = 1 union (figures select country = metric, n = 2.5) sort by n desc limit 3
                                ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: sqlite has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests select country union distinct (victims select country) union distinct (items select country)
union.wql:6:24: error[E1000]: no SQL yet for union in sqlite
arrests select country union distinct (victims select country) union distinct (items select country)
                       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: sqlite has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> first union first where country = "Togo"
union.wql:8:7: error[E1000]: no SQL yet for union in sqlite
first union first where country = "Togo"
      ^~~~~~~~~~~
help: sqlite has no form of it with wekaql's meaning; run the query in memory, or in another dialect
