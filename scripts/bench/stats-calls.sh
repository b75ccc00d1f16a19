# The statistics calls both benchmarks measure (sourced by run.sh and load.sh): the last whole
# month and the twelve whole months before today (Beijing time). Sets CALLS ("label|path below
# /api/v1") and M_FROM, M_TO, Y_FROM, MONTH.
TODAY=$(TZ=Asia/Shanghai date +%Y-%m-01)
M_FROM=$(date -d "$TODAY -1 month" +%Y-%m-%d)
M_TO=$(date -d "$TODAY -1 day" +%Y-%m-%d)
Y_FROM=$(date -d "$TODAY -12 month" +%Y-%m-%d)
MONTH=${M_FROM:0:7}

CALLS=(
  "summary month|/stats/summary?from=$M_FROM&to=$M_TO"
  "summary year|/stats/summary?from=$Y_FROM&to=$M_TO"
  "breakdown category month|/stats/breakdown?by=category&from=$M_FROM&to=$M_TO"
  "breakdown category year|/stats/breakdown?by=category&from=$Y_FROM&to=$M_TO"
  "breakdown project month|/stats/breakdown?by=project&from=$M_FROM&to=$M_TO"
  "breakdown project year|/stats/breakdown?by=project&from=$Y_FROM&to=$M_TO"
  "trend day, month|/stats/trend?interval=day&from=$M_FROM&to=$M_TO"
  "trend month, year|/stats/trend?interval=month&from=$Y_FROM&to=$M_TO"
  "report month|/stats/report?month=$MONTH"
  "current|/stats/current"
)
