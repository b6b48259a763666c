savedcmd_arch/x86/lib/memcpy_64.o := clang-19 -Wp,-MMD,arch/x86/lib/.memcpy_64.o.d -nostdinc -I/var/tmp/fputcheck/linux-source-6.12/arch/x86/include -I./arch/x86/include/generated -I/var/tmp/fputcheck/linux-source-6.12/include -I./include -I/var/tmp/fputcheck/linux-source-6.12/arch/x86/include/uapi -I./arch/x86/include/generated/uapi -I/var/tmp/fputcheck/linux-source-6.12/include/uapi -I./include/generated/uapi -include /var/tmp/fputcheck/linux-source-6.12/include/linux/compiler-version.h -include /var/tmp/fputcheck/linux-source-6.12/include/linux/kconfig.h -D__KERNEL__ --target=x86_64-linux-gnu -fintegrated-as -Werror=unknown-warning-option -Werror=ignored-optimization-argument -Werror=option-ignored -Werror=unused-command-line-argument -fmacro-prefix-map=/var/tmp/fputcheck/linux-source-6.12/= -Werror -D__ASSEMBLY__ -fno-PIE -m64 -I/var/tmp/fputcheck/linux-source-6.12/arch/x86/lib -Iarch/x86/lib    -DKBUILD_MODFILE='"arch/x86/lib/memcpy_64"' -DKBUILD_MODNAME='"memcpy_64"' -D__KBUILD_MODNAME=kmod_memcpy_64 -c -o arch/x86/lib/memcpy_64.o /var/tmp/fputcheck/linux-source-6.12/arch/x86/lib/memcpy_64.S 

source_arch/x86/lib/memcpy_64.o := /var/tmp/fputcheck/linux-source-6.12/arch/x86/lib/memcpy_64.S

deps_arch/x86/lib/memcpy_64.o := \
  /var/tmp/fputcheck/linux-source-6.12/include/linux/compiler-version.h \
    $(wildcard include/config/CC_VERSION_TEXT) \
  /var/tmp/fputcheck/linux-source-6.12/include/linux/kconfig.h

arch/x86/lib/memcpy_64.o: $(deps_arch/x86/lib/memcpy_64.o)

$(deps_arch/x86/lib/memcpy_64.o):
