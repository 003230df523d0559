;;; completion.el --- ucap's schemas in Emacs nXML mode, checked in batch  -*- lexical-binding: t -*-

;; Run by tests/e2e/test_editor_completion.sh:
;;
;;   UCAP_SRC=SOURCE_DIR UCAP_WORK=SCRATCH_DIR emacs --batch -Q -l completion.el
;;
;; SCRATCH_DIR holds copies of samples/ and tests/schema/fixtures/ (the
;; files are edited in buffers, never saved). Emacs is set up only by the
;; elisp block of docs/editing.md, evaluated with SOURCE_DIR in place of
;; "~/src/ucap"; then, as a user would:
;;   - every sample and schema fixture is visited; nXML must pick the .rnc
;;     of its kind through templates/schema/schemas.xml, and say "Valid"
;;     (samples, valid-* fixtures) or "Invalid" (invalid-* fixtures, where
;;     C-c C-n must reach the error) once its idle validation is done;
;;   - in every sample plan cut back to a draft that ends before one of
;;     the template's sections, what M-TAB (completion-at-point) offers:
;;     after a new `<section ref="' that section's ref (and the optional
;;     ones that may come first), as templates/ucap.xml orders them; after
;;     `<' in the new section, the blocks plus what the template allows
;;     there (activity, risk, indicator); in the full plan, after `<risk '
;;     its attributes, after `<risk likelihood="' and `impact="' low,
;;     medium, high; and M-TAB on `fol' and `me' completes to
;;     `follow-up"' and `medium"';
;;   - in every sample plan, deleting a required section or swapping two
;;     makes nXML say "Invalid" while editing;
;;   - in a new empty file, C-c C-s C-t offers the type ids of schemas.xml
;;     and, with "ucap action plan", `<' M-TAB offers action-plan.
;; Prints a PASS or FAIL line per check (with what was offered), then
;; "N passed, M failed"; exits 1 if anything failed. Needs Emacs 28 or
;; later (string-search, string-replace); Debian 12 has 28.2.

;;; Code:

(require 'cl-lib)
(require 'xml)

(defvar ucap-src (directory-file-name (expand-file-name (getenv "UCAP_SRC"))))
(defvar ucap-work (directory-file-name (expand-file-name (getenv "UCAP_WORK"))))
(defvar ucap-passed 0)
(defvar ucap-failed 0)

(setq create-lockfiles nil)             ; the copies are edited, never saved

(defun ucap-report (ok name &optional detail)
  (if ok (setq ucap-passed (1+ ucap-passed)) (setq ucap-failed (1+ ucap-failed)))
  (princ (format "%s %s%s\n" (if ok "PASS" "FAIL") name
                 (if detail (concat ": " detail) ""))))

(defmacro ucap-check (name &rest body)
  "Report NAME as passed if BODY returns (t . DETAIL), failed if (nil . DETAIL)
or if BODY signals."
  (declare (indent 1))
  `(condition-case err
       (let ((result (progn ,@body)))
         (ucap-report (car result) ,name (cdr result)))
     (error (ucap-report nil ,name (format "error: %s" (error-message-string err))))))

(defun ucap-show (strings)
  (if strings (mapconcat #'identity strings " ") "(nothing)"))

;;; Setup: the init-file snippet of docs/editing.md

(defun ucap-docs-snippet ()
  (with-temp-buffer
    (insert-file-contents (expand-file-name "docs/editing.md" ucap-src))
    (goto-char (point-min))
    (and (re-search-forward "^```elisp\n\\(\\(?:.*\n\\)*?\\)```" nil t)
         (match-string 1))))

(defvar ucap-snippet (ucap-docs-snippet))
(ucap-check "docs/editing.md has an elisp block naming \"~/src/ucap\""
  (cons (and ucap-snippet (string-search "\"~/src/ucap\"" ucap-snippet) t)
        (if ucap-snippet "found" "no ```elisp block")))
(when ucap-snippet
  (eval (car (read-from-string
              (concat "(progn\n"
                      (string-replace "\"~/src/ucap\"" (prin1-to-string ucap-src)
                                      ucap-snippet)
                      "\n)")))
        t))

;;; Visiting and validating

(defun ucap-rnc (kind)
  (expand-file-name (format "templates/schema/rnc/%s.rnc" kind) ucap-src))

(defun ucap-visit (file)
  "Visit FILE, then run nXML's idle validation until it is done."
  (let ((buffer (find-file-noselect file))
        (rounds 0))
    (with-current-buffer buffer
      (while (and rng-validate-mode rng-validate-timer (< rounds 100000))
        (rng-validate-quick-while-idle buffer)
        (setq rounds (1+ rounds))))
    buffer))

(defun ucap-forget (buffer)
  (with-current-buffer buffer (set-buffer-modified-p nil))
  (kill-buffer buffer))

(defun ucap-errors ()
  "The validation errors in the current buffer, as \"LINE: message\"."
  (let (errors)
    (dolist (o (overlays-in (point-min) (point-max)))
      (when (eq (overlay-get o 'category) 'rng-error)
        (push (cons (overlay-start o)
                    (format "%d: %s" (line-number-at-pos (overlay-start o))
                            (overlay-get o 'help-echo)))
              errors)))
    (mapcar #'cdr (sort errors (lambda (a b) (< (car a) (car b)))))))

(defun ucap-check-file (file kind expect-valid)
  (let* ((name (file-relative-name file ucap-work))
         (buffer (ucap-visit file)))
    (with-current-buffer buffer
      (ucap-check (format "%s: schema %s.rnc" name kind)
        (cons (and rng-current-schema-file-name
                   (file-equal-p rng-current-schema-file-name (ucap-rnc kind)))
              (format "C-c C-s C-w: %s" (or rng-current-schema-file-name "vacuous schema"))))
      (let ((mode-line (string-trim (substring-no-properties (rng-compute-mode-line-string))))
            (errors (ucap-errors)))
        (ucap-check (format "%s: %s" name (if expect-valid "Valid" "Invalid"))
          (cons (and rng-validate-mode
                     (equal mode-line (if expect-valid "Valid" "Invalid"))
                     (if expect-valid (null errors) errors))
                (format "mode line %S, %d error(s)%s" mode-line (length errors)
                        (if errors (concat ": " (mapconcat #'identity errors "; ")) ""))))
        (unless expect-valid
          (ucap-check (format "%s: C-c C-n reaches the error" name)
            (goto-char (point-min))
            (call-interactively (key-binding (kbd "C-c C-n")))
            (cons (and errors (string-prefix-p (format "%d: " (line-number-at-pos))
                                               (car errors)))
                  (format "point on line %d, first error %s"
                          (line-number-at-pos) (car errors)))))))
    (ucap-forget buffer)))

;; Each sample and fixture; the locating rules pick the schema.
(let ((samples (expand-file-name "samples" ucap-work))
      (fixtures (expand-file-name "tests/schema/fixtures" ucap-work)))
  (dolist (f (directory-files (expand-file-name "plans" samples) t "\\.xml\\'"))
    (ucap-check-file f "action-plan" t))
  (ucap-check-file (expand-file-name "roster.xml" samples) "roster" t)
  (dolist (f (directory-files-recursively (expand-file-name "reports" samples) "\\.xml\\'"))
    (ucap-check-file f "progress-report" t))
  (dolist (f (directory-files fixtures t "\\`\\(in\\)?valid-.*\\.xml\\'"))
    (let* ((base (file-name-nondirectory f))
           (kind (cond ((string-match-p "valid-plan-" base) "action-plan")
                       ((string-match-p "valid-roster-" base) "roster")
                       ((string-match-p "valid-report-" base) "progress-report"))))
      (if kind
          (ucap-check-file f kind (string-prefix-p "valid-" base))
        (ucap-report nil base "not valid-KIND-… or invalid-KIND-…")))))

(ucap-check "nxml-mode binds the keys docs/editing.md names"
  (let ((keys '(("M-TAB" . completion-at-point) ("C-M-i" . completion-at-point)
                ("C-c C-n" . rng-next-error) ("C-c C-s C-w" . rng-what-schema)
                ("C-c C-s C-t" . rng-set-document-type-and-validate)))
        wrong)
    (with-temp-buffer
      (nxml-mode)
      (dolist (k keys)
        (unless (eq (key-binding (kbd (car k))) (cdr k))
          (push (format "%s is %s" (car k) (key-binding (kbd (car k)))) wrong))))
    (cons (null wrong) (if wrong (ucap-show wrong) "M-TAB C-M-i C-c C-n C-c C-s C-w C-c C-s C-t"))))

;;; Completion

(defun ucap-offered ()
  "What M-TAB offers at point, sorted: the candidates of the first
`completion-at-point-functions' entry that answers, for the text between
its start and point. The hook is run the way `completion-at-point' runs it
(the wrapper is internal to minibuffer.el; M-TAB itself is pressed in
`ucap-check-completes')."
  (let ((data (cdr (run-hook-wrapped 'completion-at-point-functions
                                     #'completion--capf-wrapper 'all))))
    (and data
         (sort (all-completions (buffer-substring-no-properties (nth 0 data) (point))
                                (nth 2 data))
               #'string<))))

(defun ucap-at-new-line (text)
  "Open a line above `</action-plan>' and type TEXT; point after it."
  (goto-char (point-min))
  (unless (re-search-forward "^[ \t]*</action-plan>" nil t)
    (error "no </action-plan> line"))
  (beginning-of-line)
  (insert "\n")
  (forward-char -1)
  (insert text))

(defun ucap-after-start-tag (regexp text)
  "Open a line after the start tag matching REGEXP and type TEXT."
  (goto-char (point-min))
  (unless (re-search-forward regexp nil t)
    (error "no %s" regexp))
  (insert "\n" text))

(defun ucap-check-offered (name file setup expected)
  "In a fresh buffer visiting FILE, run SETUP, then check that M-TAB offers
exactly EXPECTED (a list of strings)."
  (let ((buffer (find-file-noselect file))
        (expected (sort (copy-sequence expected) #'string<)))
    (with-current-buffer buffer
      (ucap-check name
        (funcall setup)
        (let ((offered (ucap-offered)))
          (cons (equal offered expected)
                (if (equal offered expected)
                    (format "offered %s" (ucap-show offered))
                  (format "offered %s; expected %s"
                          (ucap-show offered) (ucap-show expected)))))))
    (ucap-forget buffer)))

(defun ucap-check-completes (name file setup expected-line)
  "In a fresh buffer visiting FILE, run SETUP, press M-TAB, then check that
the line holding point ends with EXPECTED-LINE."
  (let ((buffer (find-file-noselect file)))
    (with-current-buffer buffer
      (ucap-check name
        (funcall setup)
        (call-interactively (key-binding (kbd "M-TAB")))
        (let ((line (buffer-substring-no-properties (line-beginning-position)
                                                    (line-end-position))))
          (cons (string-suffix-p expected-line line) (format "line now %S" line)))))
    (ucap-forget buffer)))

;; The template's sections: ref and the elements it allows beside blocks.
(defvar ucap-sections
  (let* ((template (car (xml-parse-file (expand-file-name "templates/ucap.xml" ucap-src)))))
    (mapcar (lambda (s)
              (cons (xml-get-attribute s 'ref)
                    (mapcar (lambda (a) (xml-get-attribute a 'element))
                            (xml-get-children s 'allows))))
            (xml-get-children template 'section))))
(defvar ucap-refs (mapcar #'car ucap-sections))
(defvar ucap-required
  (let* ((template (car (xml-parse-file (expand-file-name "templates/ucap.xml" ucap-src)))))
    (mapcar (lambda (s) (equal (xml-get-attribute s 'required) "true"))
            (xml-get-children template 'section))))

(defun ucap-next-refs (ref)
  "The refs a new section may have where section REF belongs: REF and, if
it is optional, those after it up to the next required one."
  (let ((refs (member ref ucap-refs))
        (required (nthcdr (cl-position ref ucap-refs :test #'equal) ucap-required))
        next)
    (while refs
      (push (car refs) next)
      (setq refs (if (car required) nil (cdr refs))
            required (cdr required)))
    (nreverse next)))

(defun ucap-draft-before (ref)
  "Cut the plan back to a draft that ends before its section REF (if it
has one): everything from that section to </action-plan> goes."
  (goto-char (point-min))
  (when (re-search-forward (format "^[ \t]*<section ref=\"%s\"" ref) nil t)
    (let ((start (line-beginning-position)))
      (re-search-forward "^[ \t]*</action-plan>")
      (delete-region start (line-beginning-position)))))

(defun ucap-section-region (ref)
  "The start and end of the lines of section REF, as a cons."
  (goto-char (point-min))
  (re-search-forward (format "^[ \t]*<section ref=\"%s\"" ref))
  (let ((start (line-beginning-position)))
    (re-search-forward "^[ \t]*</section>")
    (cons start (1+ (line-end-position)))))

(defun ucap-check-edit-invalid (name file edit)
  "Visit FILE, make EDIT, let nXML validate again: it must say Invalid."
  (let ((buffer (ucap-visit file)))
    (with-current-buffer buffer
      (ucap-check name
        (funcall edit)
        (let ((rounds 0))
          (rng-validate-mode 1)
          (while (and rng-validate-timer (< rounds 100000))
            (rng-validate-quick-while-idle buffer)
            (setq rounds (1+ rounds))))
        (let ((mode-line (string-trim (substring-no-properties (rng-compute-mode-line-string))))
              (errors (ucap-errors)))
          (cons (and (equal mode-line "Invalid") errors)
                (format "mode line %S, %d error(s)%s" mode-line (length errors)
                        (if errors (concat ": " (car errors)) ""))))))
    (ucap-forget buffer)))
(defconst ucap-blocks '("p" "ul" "ol" "table" "figure" "note")) ; common.rng `block'
(defconst ucap-levels '("low" "medium" "high"))

(ucap-check "templates/ucap.xml has section refs"
  (cons (and ucap-refs t) (ucap-show ucap-refs)))

(dolist (plan (directory-files (expand-file-name "samples/plans" ucap-work) t "\\.xml\\'"))
  (let ((name (file-relative-name plan ucap-work)))
    (dolist (section ucap-sections)
      (ucap-check-offered
       (format "%s cut before %s: <section ref=\" offers %s" name (car section)
               (ucap-show (ucap-next-refs (car section))))
       plan
       (lambda () (ucap-draft-before (car section)) (ucap-at-new-line "  <section ref=\""))
       (ucap-next-refs (car section)))
      (ucap-check-offered
       (format "%s cut before %s: < in <section ref=\"%s\"> offers blocks%s" name (car section) (car section)
               (if (cdr section) (concat " + " (ucap-show (cdr section))) ""))
       plan
       (lambda ()
         (ucap-draft-before (car section))
         (ucap-at-new-line (format "  <section ref=\"%s\">\n    <" (car section))))
       ;; "/section": the end tag, offered where the section may end.
       (append ucap-blocks (cdr section) '("/section"))))
    (ucap-check-edit-invalid (format "%s without its section context: Invalid" name) plan
                             (lambda () (let ((r (ucap-section-region "context"))) (delete-region (car r) (cdr r)))))
    (ucap-check-edit-invalid (format "%s with activities and implementation swapped: Invalid" name) plan
                             (lambda ()
                               (let* ((r (ucap-section-region "implementation"))
                                      (text (buffer-substring (car r) (cdr r))))
                                 (delete-region (car r) (cdr r))
                                 (goto-char (car (ucap-section-region "activities")))
                                 (insert text))))
    (ucap-check-offered (format "%s: <risk offers its attributes" name) plan
                        (lambda () (ucap-after-start-tag "<section ref=\"risks\"[^>]*>" "    <risk "))
                        '("impact" "likelihood" "xml:lang"))
    (dolist (attribute '("likelihood" "impact"))
      (ucap-check-offered (format "%s: <risk %s=\" offers the levels" name attribute) plan
                          (lambda () (ucap-after-start-tag "<section ref=\"risks\"[^>]*>"
                                                           (format "    <risk %s=\"" attribute)))
                          ucap-levels))
    (ucap-check-completes (format "%s: M-TAB completes <section ref=\"fol" name) plan
                          (lambda () (ucap-draft-before "follow-up") (ucap-at-new-line "  <section ref=\"fol"))
                          "<section ref=\"follow-up\"")
    (ucap-check-completes (format "%s: M-TAB completes <risk likelihood=\"me" name) plan
                          (lambda () (ucap-after-start-tag "<section ref=\"risks\"[^>]*>"
                                                           "    <risk likelihood=\"me"))
                          "<risk likelihood=\"medium\"")))

;;; A new, empty file: C-c C-s C-t

(let ((buffer (find-file-noselect (expand-file-name "new-plan.xml" ucap-work))))
  (with-current-buffer buffer
    (ucap-check "C-c C-s C-t offers the ucap type ids"
      (let* ((ids (rng-possible-type-ids))
             (ours (list "ucap action plan" "ucap progress report" "ucap roster"))
             (missing (cl-set-difference ours ids :test #'equal)))
        (cons (null missing) (format "offered %s" (ucap-show ids)))))
    (ucap-check "new file, C-c C-s C-t \"ucap action plan\": < offers action-plan"
      ;; nXML then asks whether to save the type id to the first writable
      ;; locating file: the user says no; it must not be the checkout's.
      (let (asked)
        (cl-letf (((symbol-function 'y-or-n-p)
                   (lambda (prompt) (push prompt asked) nil)))
          (rng-set-document-type-and-validate "ucap action plan"))
        (insert "<")
        (let ((offered (ucap-offered))
              (ours (expand-file-name "templates/schema/schemas.xml" ucap-src)))
          (cons (and (file-equal-p rng-current-schema-file-name (ucap-rnc "action-plan"))
                     (equal offered '("action-plan"))
                     (not (cl-some (lambda (q) (string-search ours q)) asked)))
                (format "schema %s, offered %s, asked %S" rng-current-schema-file-name
                        (ucap-show offered) asked))))))
  (ucap-forget buffer))

(princ (format "%d passed, %d failed\n" ucap-passed ucap-failed))
(kill-emacs (if (and (> ucap-passed 0) (= ucap-failed 0)) 0 1))

;;; completion.el ends here
