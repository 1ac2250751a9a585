# Shared by the web benchmarks: start the app on loopback, register a user, rate movies, and
# hand out the cookie header and antiforgery token that wrk needs. Source it; do not run it.

app_dll=MovieRec.Web/bin/Release/net10.0/MovieRec.Web.dll

# start_app URL DATA_DIR DATASET_DIR LOG: runs the app in the background, sets APP_PID.
start_app() {
  Storage__SqlitePath="$2/movierec.db" Model__Path="$2/model.bin" Data__DatasetPath="$3" \
    Sessions__KeyRingPath="$2/keys" SignInLimits__RegistrationsPerAddressPerHour=100000 \
    Serilog__MinimumLevel__Default=Warning env ${APP_ENV:-} \
    dotnet "$app_dll" --urls "$1" > "$4" 2>&1 &
  APP_PID=$!
}

# seconds_until URL JQ_TEST: polls /health every 50 ms until the body matches, prints the wait.
seconds_until() {
  local start end
  start=$(date +%s.%N)
  for _ in $(seq 1 2400); do
    if curl -sf "$1/health" 2>/dev/null | grep -q "$2"; then
      end=$(date +%s.%N); echo "$end - $start" | bc; return 0
    fi
    sleep 0.05
  done
  echo "timeout"; return 1
}

# new_session URL USERNAME: registers USERNAME, sets JAR (cookie file), COOKIE (header value) and CSRF.
new_session() {
  JAR=$(mktemp)
  local form token
  form=$(curl -s -c "$JAR" -b "$JAR" "$1/Account/Register")
  token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' <<< "$form" | sed 's/.*value="//; s/"$//')
  curl -s -c "$JAR" -b "$JAR" -o /dev/null -X POST "$1/Account/Register" \
    --data-urlencode "Username=$2" --data-urlencode "Password=benchmark-password" \
    --data-urlencode "ConfirmPassword=benchmark-password" --data-urlencode "__RequestVerificationToken=$token"
  CSRF=$(curl -s -c "$JAR" -b "$JAR" "$1/" | grep -o 'name="csrf-token" content="[^"]*"' | sed 's/.*content="//; s/"$//')
  COOKIE=$(awk -F'\t' 'NF >= 7 { sub(/^#HttpOnly_/, "", $1); printf "%s%s=%s", sep, $6, $7; sep="; " }' "$JAR")
}

# rate URL MOVIE_ID VALUE: one rating through the API with the session's cookie and token.
rate() {
  curl -s -o /dev/null -w "%{http_code}" -b "$JAR" -X PUT "$1/api/ratings/$2" \
    -H "Content-Type: application/json" -H "X-CSRF-TOKEN: $CSRF" -d "{\"rating\": $3}"
}

# signed_in_rater URL USERNAME: a new user with ten ratings of well-known movies, so that picks are
# personal; exports COOKIE and CSRF for wrk, and MOVIES, the 100 most rated movie ids, for load.lua.
signed_in_rater() {
  new_session "$1" "$2"
  for movie in 1 260 296 318 356 480 527 589 593 2571; do rate "$1" "$movie" 4.5 > /dev/null; done
  MOVIES=$(curl -s "$1/api/popular?n=100" | grep -o '"id":[0-9]*' | cut -d: -f2 | paste -sd, -)
  export COOKIE CSRF MOVIES
}

# side_by_side AFTER_PORT BEFORE_PORT [DATASETS_DIR] [BEFORE_DIR]: the common start of a script that
# compares this build with an optional second checkout (BEFORE_DIR, with its own Release build) on
# loopback. Builds this checkout in Release, sets datasets, before, after_url, before_url, data (a
# fresh folder removed on exit, with every app in pids killed) and prints the date and the machine.
side_by_side() {
  datasets=$(cd "${3:-../shared/datasets}" && pwd)
  before=${4:+$(cd "$4" && pwd)}
  after_url=http://127.0.0.1:$1
  before_url=http://127.0.0.1:$2
  data=$(mktemp -d)
  pids=()
  trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$data"' EXIT
  dotnet build MovieRec.Web -c Release -v quiet -nologo > /dev/null
  date -u +"%Y-%m-%d %H:%M UTC"; echo "nproc: $(nproc); $(grep -m1 'model name' /proc/cpuinfo); load: $(cut -d' ' -f1-3 /proc/loadavg)"
}
