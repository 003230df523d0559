/* Validates an action plan held in memory and renders it to PDF bytes with
   the C API, then saves them: render_plan_c PLAN.xml OUT.pdf [en|ja]
   Build by hand: cc render_plan.c $(pkg-config --cflags --libs ucap) */
#include <stdio.h>
#include <stdlib.h>

#include <ucap/ucap.h>

/* The plan from a file read into memory; NULL when it cannot be read. */
static ucap_document* load_plan(const char* path) {
  ucap_document* plan = NULL;
  FILE* file = fopen(path, "rb");
  char* bytes = NULL;
  long length;
  if (!file) return NULL;
  if (fseek(file, 0, SEEK_END) == 0 && (length = ftell(file)) >= 0 && fseek(file, 0, SEEK_SET) == 0 &&
      (bytes = malloc((size_t)length + 1)) != NULL) {
    size_t size = fread(bytes, 1, (size_t)length, file);
    ucap_document_load_buffer(path, bytes, size, &plan); /* copies the bytes */
  }
  free(bytes);
  fclose(file);
  return plan;
}

static void print_diagnostics(const ucap_result* result) {
  size_t i;
  for (i = 0; i < ucap_result_diagnostic_count(result); ++i) {
    const ucap_diagnostic* d = ucap_result_diagnostic(result, i);
    fprintf(stderr, "%s:%u:%u: %s[%s]: %s\n", d->file, (unsigned)d->line, (unsigned)d->column,
            d->severity == UCAP_SEVERITY_ERROR ? "error" : "warning", d->code, d->message);
  }
}

static ucap_status save_pdf(const ucap_result* result, const char* path) {
  size_t size = 0;
  const unsigned char* pdf = ucap_result_pdf(result, &size);
  FILE* out = fopen(path, "wb");
  int written;
  if (!out) return UCAP_WRITE_FAILED;
  written = fwrite(pdf, 1, size, out) == size;
  if (fclose(out) != 0 || !written) return UCAP_WRITE_FAILED;
  printf("%s: %zu bytes\n", path, size);
  return UCAP_OK;
}

static ucap_status validate_and_render(const ucap_engine* engine, const ucap_document* plan, const char* language,
                                       const char* output) {
  ucap_result* result = NULL;
  ucap_status status = ucap_validate(engine, plan, NULL, &result);
  print_diagnostics(result);
  ucap_result_free(result);
  if (status != UCAP_OK) return status;
  status = ucap_render(engine, plan, language, NULL, NULL, &result);
  print_diagnostics(result);
  if (status == UCAP_OK) status = save_pdf(result, output);
  ucap_result_free(result);
  return status;
}

int main(int argc, char** argv) {
  char error[512];
  ucap_engine* engine = NULL;
  ucap_document* plan;
  ucap_status status;
  if (argc < 3) {
    fprintf(stderr, "usage: %s PLAN.xml OUT.pdf [en|ja]\n", argv[0]);
    return 2;
  }
  /* Once per process: templates and fonts. Share it between threads. */
  if (ucap_engine_load(NULL, 0, &engine, error, sizeof error) != UCAP_OK) {
    fprintf(stderr, "cannot load ucap: %s\n", error);
    return 2;
  }
  plan = load_plan(argv[1]);
  status = plan ? validate_and_render(engine, plan, argc > 3 ? argv[3] : "en", argv[2]) : UCAP_READ_FAILED;
  if (status != UCAP_OK) fprintf(stderr, "ucap: %s\n", ucap_status_name(status));
  ucap_document_free(plan);
  ucap_engine_free(engine);
  return status == UCAP_OK ? 0 : 1;
}
