{
  "targets": [
    {
      "target_name": "cpu_affinity",
      "sources": ["src/cpu_affinity.c"],
      "cflags": ["-O2", "-Wall", "-Wextra"],
      "defines": ["NAPI_VERSION=8"]
    }
  ]
}
