# shellcheck shell=bash
# Finds a JDK 21 or newer for ./quanze and .ci/run, which both source this file, so the build and the
# launcher work on machines whose default `java` is older (Debian 12 ships 17) but which have a newer
# JDK installed somewhere usual. Nothing here exits or sets shell options: callers use `set -euo pipefail`.
#
#   find_jdk21            sets JDK21_HOME (and JDK21_VERSION) and returns 0, or returns 1;
#                         either way JDK21_SEEN lists the older Javas it passed over
#   jdk21_missing_message PROGRAM   the one sentence to print when find_jdk21 failed
#
# Order: $JAVA_HOME if it is 21+, then `java` on PATH if 21+, then the newest 21+ JDK under
# /usr/lib/jvm, /usr/local/lib/jvm, /opt/java and ~/.sdkman/candidates/java.
# QUANZE_JDK_SEARCH_DIRS (colon-separated) replaces that list of directories, e.g.
# QUANZE_JDK_SEARCH_DIRS=/nonexistent simulates a machine with no JDK 21 installed.

# java_feature_version VERSION: the feature release of a `java -version` string:
# 1.8.0_392 -> 8, 17.0.15 -> 17, 21-ea -> 21, 25 -> 25; nothing for something else.
java_feature_version() {
  local v=$1
  [[ $v == 1.* ]] && v=${v#1.}
  if [[ $v =~ ^([0-9]+) ]]; then echo "${BASH_REMATCH[1]}"; fi
}

# java_version JAVA_BINARY: the quoted version from its `java -version`, e.g. 17.0.15.
# The line is looked for rather than taken first, as JAVA_TOOL_OPTIONS adds a "Picked up" line before it.
java_version() {
  local line
  while IFS= read -r line; do
    if [[ $line =~ version\ \"([^\"]+)\" ]]; then
      echo "${BASH_REMATCH[1]}"
      return 0
    fi
  done < <("$1" -version 2>&1)
  return 1
}

# _jdk21_consider HOME: accepts HOME if it holds a JDK 21+ (javac too: the launcher builds);
# otherwise notes it in JDK21_SEEN.
_jdk21_consider() {
  local home=$1 version feature
  [[ -x $home/bin/java ]] || return 1
  version=$(java_version "$home/bin/java") || return 1
  feature=$(java_feature_version "$version")
  if [[ -n $feature ]] && ((feature >= 21)) && [[ -x $home/bin/javac ]]; then
    JDK21_HOME=$home
    JDK21_VERSION=$version
    return 0
  fi
  local what="Java ${feature:-$version}"
  [[ -n $feature ]] && ((feature >= 21)) && what="a Java $feature runtime without javac"
  case ", $JDK21_SEEN, " in *", $what at $home, "*) ;; *) JDK21_SEEN=${JDK21_SEEN:+$JDK21_SEEN, }"$what at $home" ;; esac
  return 1
}

find_jdk21() {
  JDK21_HOME='' JDK21_VERSION='' JDK21_SEEN=''
  local java_on_path dirs dir candidate best_home='' best_version=''
  if [[ -n ${JAVA_HOME:-} ]]; then
    _jdk21_consider "${JAVA_HOME%/}" && return 0
    [[ -x $JAVA_HOME/bin/java ]] || JDK21_SEEN="JAVA_HOME=$JAVA_HOME (no java there)"
  fi
  if java_on_path=$(command -v java) && java_on_path=$(readlink -f "$java_on_path"); then
    _jdk21_consider "$(dirname "$(dirname "$java_on_path")")" && return 0
  fi
  IFS=: read -r -a dirs <<< "${QUANZE_JDK_SEARCH_DIRS:-/usr/lib/jvm:/usr/local/lib/jvm:/opt/java:${HOME:-/root}/.sdkman/candidates/java}"
  for dir in "${dirs[@]}"; do
    for candidate in "$dir"/*/; do
      [[ -d $candidate ]] || continue
      candidate=$(readlink -f "$candidate")
      _jdk21_consider "$candidate" || continue
      # sort -V orders 21.0.10 after 21.0.9, and 25 after 21.0.2.
      if [[ -z $best_home || $(printf '%s\n' "$best_version" "$JDK21_VERSION" | sort -V | tail -n 1) != "$best_version" ]]; then
        best_home=$JDK21_HOME best_version=$JDK21_VERSION
      fi
    done
  done
  JDK21_HOME=$best_home JDK21_VERSION=$best_version
  [[ -n $JDK21_HOME ]]
}

jdk21_missing_message() {
  echo "$1: needs a JDK 21 or newer (found ${JDK21_SEEN:+only }${JDK21_SEEN:-no Java at all}); install one (e.g. apt-get install openjdk-21-jdk or Temurin 21+) or set JAVA_HOME to it."
}
