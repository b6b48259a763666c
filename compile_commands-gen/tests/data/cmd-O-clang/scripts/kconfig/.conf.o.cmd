savedcmd_scripts/kconfig/conf.o := clang-19 -Wp,-MMD,scripts/kconfig/.conf.o.d -Wall -Wmissing-prototypes -Wstrict-prototypes -O2 -fomit-frame-pointer -std=gnu11   -I /var/tmp/fputcheck/linux-source-6.12/scripts/include   -I ./scripts/kconfig -c -o scripts/kconfig/conf.o /var/tmp/fputcheck/linux-source-6.12/scripts/kconfig/conf.c

source_scripts/kconfig/conf.o := /var/tmp/fputcheck/linux-source-6.12/scripts/kconfig/conf.c

deps_scripts/kconfig/conf.o := \
  /var/tmp/fputcheck/linux-source-6.12/scripts/kconfig/internal.h \
  /var/tmp/fputcheck/linux-source-6.12/scripts/include/hashtable.h \
  /var/tmp/fputcheck/linux-source-6.12/scripts/include/array_size.h

scripts/kconfig/conf.o: $(deps_scripts/kconfig/conf.o)

$(deps_scripts/kconfig/conf.o):
