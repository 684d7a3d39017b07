/* qemu-exec.c: run arm64 programs through qemu-user whenever a process
 * starts one, as binfmt_misc would, without registering anything with the
 * kernel.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Meson's exe_wrapper runs each arm64 test program under qemu-user, but the
 * tests start programs of their own: fazhi-check, themselves again
 * (g_test_trap_subprocess), LibreOffice, a shell script that runs the
 * installed checker.  Without binfmt_misc (a container cannot register a
 * handler: that would change the host's kernel) the kernel refuses an arm64
 * executable with ENOEXEC.  This library is preloaded into every process of
 * the test run and puts qemu in front of an arm64 executable at execve(),
 * execv(), posix_spawn() and posix_spawnp(); everything else is started
 * unchanged.
 *
 * It is built twice, for the build machine and for arm64, and preloaded as
 * LD_PRELOAD='DIR/$LIB/libfz-qemu-exec.so': each dynamic loader expands $LIB
 * to its own multiarch folder (lib/x86_64-linux-gnu, lib/aarch64-linux-gnu),
 * so native and emulated processes each load their own copy.  FZ_QEMU names
 * qemu (default /usr/bin/qemu-aarch64-static, which is static and so never
 * loads this library itself).
 *
 * Nothing here allocates: execve() may run in a child between fork() and
 * exec, where only async-signal-safe calls are allowed.
 */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef EM_AARCH64
#define EM_AARCH64 183
#endif

#define DEFAULT_QEMU "/usr/bin/qemu-aarch64-static"

typedef int (*ExecveFunc) (const char *, char *const[], char *const[]);
typedef int (*SpawnFunc) (pid_t *, const char *, const posix_spawn_file_actions_t *,
                          const posix_spawnattr_t *, char *const[], char *const[]);

static ExecveFunc real_execve;
static SpawnFunc real_posix_spawn;
static SpawnFunc real_posix_spawnp;

/* Looked up once at load time: dlsym() is not safe after fork(). */
__attribute__((constructor)) static void
qemu_exec_init (void)
{
  real_execve = (ExecveFunc) dlsym (RTLD_NEXT, "execve");
  real_posix_spawn = (SpawnFunc) dlsym (RTLD_NEXT, "posix_spawn");
  real_posix_spawnp = (SpawnFunc) dlsym (RTLD_NEXT, "posix_spawnp");
}

static const char *
qemu_path (void)
{
  const char *qemu = getenv ("FZ_QEMU");

  return qemu != NULL && *qemu != '\0' ? qemu : DEFAULT_QEMU;
}

/* Whether @path is a little-endian arm64 ELF file. */
static int
is_arm64 (const char *path)
{
  unsigned char header[EI_NIDENT + 4];
  ssize_t n;
  int fd;

  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  n = read (fd, header, sizeof header);
  close (fd);
  if (n != (ssize_t) sizeof header || memcmp (header, ELFMAG, SELFMAG) != 0
      || header[EI_DATA] != ELFDATA2LSB)
    return 0;
  /* e_machine follows e_ident and the two-byte e_type. */
  return (header[EI_NIDENT + 2] | header[EI_NIDENT + 3] << 8) == EM_AARCH64;
}

static size_t
count_args (char *const argv[])
{
  size_t n = 0;

  while (argv != NULL && argv[n] != NULL)
    n++;
  return n;
}

/* Fills @out (room for count_args (argv) + 5) with the qemu command line
 * that runs @path with @argv; argv[0] is kept through qemu's -0. */
static void
qemu_argv (char        **out,
           const char   *path,
           char *const   argv[])
{
  size_t n = count_args (argv);
  size_t i = 0;

  out[i++] = (char *) qemu_path ();
  out[i++] = (char *) "-0";
  out[i++] = n > 0 ? argv[0] : (char *) path;
  out[i++] = (char *) path;
  for (size_t j = 1; j < n; j++)
    out[i++] = argv[j];
  out[i] = NULL;
}

int
execve (const char   *path,
        char *const   argv[],
        char *const   envp[])
{
  if (real_execve == NULL)
    {
      errno = ENOSYS;
      return -1;
    }
  if (is_arm64 (path))
    {
      char *args[count_args (argv) + 5];

      qemu_argv (args, path, argv);
      return real_execve (args[0], args, envp);
    }
  return real_execve (path, argv, envp);
}

int
execv (const char  *path,
       char *const  argv[])
{
  return execve (path, argv, environ);
}

int
posix_spawn (pid_t                             *pid,
             const char                        *path,
             const posix_spawn_file_actions_t  *actions,
             const posix_spawnattr_t           *attr,
             char *const                        argv[],
             char *const                        envp[])
{
  if (real_posix_spawn == NULL)
    return ENOSYS;
  if (is_arm64 (path))
    {
      char *args[count_args (argv) + 5];

      qemu_argv (args, path, argv);
      return real_posix_spawn (pid, args[0], actions, attr, args, envp);
    }
  return real_posix_spawn (pid, path, actions, attr, argv, envp);
}

int
posix_spawnp (pid_t                             *pid,
              const char                        *file,
              const posix_spawn_file_actions_t  *actions,
              const posix_spawnattr_t           *attr,
              char *const                        argv[],
              char *const                        envp[])
{
  const char *search = getenv ("PATH");
  char candidate[PATH_MAX];

  if (real_posix_spawnp == NULL)
    return ENOSYS;
  if (strchr (file, '/') != NULL)
    return posix_spawn (pid, file, actions, attr, argv, envp);

  /* The first executable of that name on PATH, as posix_spawnp() would
   * pick it. */
  for (const char *dir = search != NULL ? search : "/usr/bin:/bin"; ; )
    {
      const char *end = strchrnul (dir, ':');
      /* An empty entry is the current folder. */
      const char *name = end == dir ? "." : dir;
      size_t len = end == dir ? 1 : (size_t) (end - dir);

      if (len + 1 + strlen (file) < sizeof candidate)
        {
          memcpy (candidate, name, len);
          candidate[len] = '/';
          strcpy (candidate + len + 1, file);
          if (access (candidate, X_OK) == 0)
            {
              if (is_arm64 (candidate))
                return posix_spawn (pid, candidate, actions, attr, argv, envp);
              break;
            }
        }
      if (*end == '\0')
        break;
      dir = end + 1;
    }
  return real_posix_spawnp (pid, file, actions, attr, argv, envp);
}
