> victims summarize n = count(victims), median(victims), p90 = percentile(victims, 0.9), sd = round(stddev(victims), 2), var = round(variance(victims), 2)
statistics.wql:2:93: error[E1000]: no SQL yet for round() in spark
victims summarize n = count(victims), median(victims), p90 = percentile(victims, 0.9), sd = round(stddev(victims), 2), var = round(variance(victims), 2)
                                                                                            ^~~~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests summarize reports = count(), several = count_if(arrested > 1), countries = string_agg(country, "; "), first(country), last(country) by offence
statistics.wql:3:84: error[E1000]: no SQL yet for string_agg() in spark
arrests summarize reports = count(), several = count_if(arrested > 1), countries = string_agg(country, "; "), first(country), last(country) by offence
                                                                                   ^~~~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> figures summarize metrics = string_agg(metric, ", "), mid = median(value) by approx
statistics.wql:4:29: error[E1000]: no SQL yet for string_agg() in spark
figures summarize metrics = string_agg(metric, ", "), mid = median(value) by approx
                            ^~~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect
