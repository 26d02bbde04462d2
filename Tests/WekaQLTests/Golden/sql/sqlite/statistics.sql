> victims summarize n = count(victims), median(victims), p90 = percentile(victims, 0.9), sd = round(stddev(victims), 2), var = round(variance(victims), 2)
statistics.wql:2:39: error[E1000]: no SQL yet for median() in sqlite
victims summarize n = count(victims), median(victims), p90 = percentile(victims, 0.9), sd = round(stddev(victims), 2), var = round(variance(victims), 2)
                                      ^~~~~~~~~~~~~~~
help: sqlite has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests summarize reports = count(), several = count_if(arrested > 1), countries = string_agg(country, "; "), first(country), last(country) by offence
statistics.wql:3:84: error[E1000]: no SQL yet for string_agg() in sqlite
arrests summarize reports = count(), several = count_if(arrested > 1), countries = string_agg(country, "; "), first(country), last(country) by offence
                                                                                   ^~~~~~~~~~~~~~~~~~~~~~~~~
help: sqlite has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> figures summarize metrics = string_agg(metric, ", "), mid = median(value) by approx
statistics.wql:4:29: error[E1000]: no SQL yet for string_agg() in sqlite
figures summarize metrics = string_agg(metric, ", "), mid = median(value) by approx
                            ^~~~~~~~~~~~~~~~~~~~~~~~
help: sqlite has no form of it with wekaql's meaning; run the query in memory, or in another dialect
