@echo off
rem Starts Lifeline: bin\lifeline.cmd [options], the same options as java -jar lifeline.jar (see README.md).
rem -XX:TieredStopAtLevel=1 keeps the JIT at C1: see bin/lifeline for why.
rem LIFELINE_JAVA: the java to run (default: %JAVA_HOME%\bin\java, else java on the PATH)
rem LIFELINE_JAVA_OPTS: more JVM options, e.g. -Xmx512m
setlocal
set "LIFELINE_HOME=%~dp0.."
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
if defined LIFELINE_JAVA set "JAVA_EXE=%LIFELINE_JAVA%"
"%JAVA_EXE%" -XX:TieredStopAtLevel=1 %LIFELINE_JAVA_OPTS% -jar "%LIFELINE_HOME%\lifeline.jar" %*
exit /b %ERRORLEVEL%
