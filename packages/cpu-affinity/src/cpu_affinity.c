// Pins the calling thread to a set of CPUs. Called from inside each Armature worker thread, so
// sched_setaffinity(0, ...) (0 = the calling thread on Linux) moves that thread only, not the process.
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <node_api.h>

#define CHECK(env, call)                                                  \
  do {                                                                    \
    if ((call) != napi_ok) {                                              \
      napi_throw_error((env), NULL, "cpu-affinity: N-API call failed: " #call); \
      return NULL;                                                        \
    }                                                                     \
  } while (0)

static napi_value throw_errno(napi_env env, const char *what, int error) {
  char message[256];
  snprintf(message, sizeof message, "%s failed: %s", what, strerror(error));
  napi_throw_error(env, NULL, message);
  return NULL;
}

#ifdef __linux__

// setAffinity(cpus: number[]): void
static napi_value SetAffinity(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  bool is_array = false;
  if (argc < 1 || napi_is_array(env, argv[0], &is_array) != napi_ok || !is_array) {
    napi_throw_type_error(env, NULL, "setAffinity(cpus) expects an array of CPU numbers");
    return NULL;
  }
  uint32_t length = 0;
  CHECK(env, napi_get_array_length(env, argv[0], &length));
  if (length == 0) {
    napi_throw_range_error(env, NULL, "setAffinity(cpus) needs at least one CPU");
    return NULL;
  }
  cpu_set_t set;
  CPU_ZERO(&set);
  for (uint32_t i = 0; i < length; i++) {
    napi_value element;
    int32_t cpu = -1;
    CHECK(env, napi_get_element(env, argv[0], i, &element));
    if (napi_get_value_int32(env, element, &cpu) != napi_ok || cpu < 0 || cpu >= CPU_SETSIZE) {
      napi_throw_range_error(env, NULL, "setAffinity(cpus): every CPU must be an integer in [0, CPU_SETSIZE)");
      return NULL;
    }
    CPU_SET(cpu, &set);
  }
  if (sched_setaffinity(0, sizeof set, &set) != 0) return throw_errno(env, "sched_setaffinity", errno);
  return NULL;
}

// getAffinity(): number[] — the CPUs the calling thread may run on.
static napi_value GetAffinity(napi_env env, napi_callback_info info) {
  (void)info;
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) != 0) return throw_errno(env, "sched_getaffinity", errno);
  napi_value result;
  CHECK(env, napi_create_array(env, &result));
  uint32_t index = 0;
  for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
    if (!CPU_ISSET(cpu, &set)) continue;
    napi_value value;
    CHECK(env, napi_create_int32(env, cpu, &value));
    CHECK(env, napi_set_element(env, result, index++, value));
  }
  return result;
}

// currentCpu(): number — the CPU the calling thread is running on right now.
static napi_value CurrentCpu(napi_env env, napi_callback_info info) {
  (void)info;
  int cpu = sched_getcpu();
  if (cpu < 0) return throw_errno(env, "sched_getcpu", errno);
  napi_value value;
  CHECK(env, napi_create_int32(env, cpu, &value));
  return value;
}

#else

static napi_value Unsupported(napi_env env, napi_callback_info info) {
  (void)info;
  return throw_errno(env, "cpu-affinity", ENOTSUP);
}
#define SetAffinity Unsupported
#define GetAffinity Unsupported
#define CurrentCpu Unsupported

#endif

NAPI_MODULE_INIT() {
  napi_property_descriptor properties[] = {
      {"setAffinity", NULL, SetAffinity, NULL, NULL, NULL, napi_enumerable, NULL},
      {"getAffinity", NULL, GetAffinity, NULL, NULL, NULL, napi_enumerable, NULL},
      {"currentCpu", NULL, CurrentCpu, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  if (napi_define_properties(env, exports, sizeof properties / sizeof properties[0], properties) != napi_ok) return NULL;
  return exports;
}
