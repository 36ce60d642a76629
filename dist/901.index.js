export const id = 901;
export const ids = [901,964];
export const modules = {

/***/ 5901:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   changedFiles: () => (/* binding */ changedFiles)
/* harmony export */ });
/* unused harmony export MAX_LISTED */
/* harmony import */ var _pull_request_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5964);

/** The most files GitHub lists for one pull request. */
const MAX_LISTED = 3000;
/** The largest page the pull request files API serves. */
const PER_PAGE = 100;
/** File statuses whose path exists in the pull request's head. */
const PRESENT = new Set(['added', 'modified', 'renamed', 'changed', 'copied']);
/**
 * The paths a pull request adds or modifies, read page by page. A renamed
 * file counts under its new name; removed files are left out. `signal`
 * ends the reading, so a GitHub API that stops answering cannot hold the
 * run past its time limit.
 *
 * GitHub lists at most 3000 files of a pull request, so a list that long
 * may be cut short: then there is no telling which files changed, and the
 * answer is undefined rather than a set a pull request could hide a file
 * from.
 */
async function changedFiles(token, pr, signal) {
    const started = Date.now();
    const action = `Listing the files of pull request ${(0,_pull_request_js__WEBPACK_IMPORTED_MODULE_0__.describePullRequest)(pr)}`;
    try {
        const octokit = await (0,_pull_request_js__WEBPACK_IMPORTED_MODULE_0__/* .gitHubClient */ .XB)(token, signal);
        const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
            owner: pr.owner,
            repo: pr.repo,
            pull_number: pr.number,
            per_page: PER_PAGE
        });
        if (files.length >= MAX_LISTED)
            return undefined;
        const present = files.filter((file) => PRESENT.has(file.status));
        return new Set(present.map((file) => file.filename));
    }
    catch (error) {
        throw ((0,_pull_request_js__WEBPACK_IMPORTED_MODULE_0__/* .cutShortError */ .nw)(action, error, signal, started) ??
            (0,_pull_request_js__WEBPACK_IMPORTED_MODULE_0__/* .gitHubApiError */ .q)(action, error, token, 'pull-requests: read'));
    }
}


/***/ }),

/***/ 5964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jz: () => (/* binding */ isRateLimited),
/* harmony export */   XB: () => (/* binding */ gitHubClient),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   describePullRequest: () => (/* binding */ describePullRequest),
/* harmony export */   nw: () => (/* binding */ cutShortError),
/* harmony export */   pullRequestOf: () => (/* binding */ pullRequestOf),
/* harmony export */   q: () => (/* binding */ gitHubApiError),
/* harmony export */   timeLimited: () => (/* binding */ timeLimited)
/* harmony export */ });
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7607);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _plain_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8763);



/**
 * Events whose payload is the pull request itself. In both, `context.repo`
 * is the base repository, the one that owns the pull request, even when
 * the changes come from a fork.
 */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
/** The pull request this run is for, or undefined for any other event. */
function pullRequestOf(context) {
    if (!PULL_REQUEST_EVENTS.has(context.eventName))
        return undefined;
    const number = context.payload.pull_request?.number;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < 1)
        return undefined;
    const { owner, repo } = context.repo;
    return { owner, repo, number };
}
function describePullRequest(pr) {
    return `${pr.owner}/${pr.repo}#${pr.number}`;
}
/**
 * An Octokit client for `token` whose every request, each page of a
 * listing included, ends when `signal` aborts. The signal is set per
 * request: given in the client's options, it would replace the toolkit's
 * proxy-aware `fetch`.
 */
async function gitHubClient(token, signal) {
    // Loaded here so that runs without a pull request never load the client.
    const github = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    const octokit = github.getOctokit(token);
    if (signal) {
        octokit.hook.before('request', (options) => {
            options.request = { ...options.request, signal };
        });
    }
    return octokit;
}
/** `signal`, if any, that also aborts once `ms` have passed. */
function timeLimited(ms, signal) {
    const limit = AbortSignal.timeout(ms);
    return signal ? AbortSignal.any([signal, limit]) : limit;
}
/**
 * The error for a call that `signal` ended before GitHub answered, or
 * undefined if GitHub answered or the signal did not abort. `started` is
 * when the call began, to say how long GitHub was waited for.
 */
function cutShortError(action, error, signal, started) {
    if (!signal?.aborted || statusOf(error) !== undefined)
        return undefined;
    const reason = signal.reason;
    if (reason?.name !== 'TimeoutError')
        return new Error(`${action} was cancelled.`, { cause: error });
    const waited = (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(Date.now() - started);
    return new Error(`${action} failed: the GitHub API did not answer within ${waited}.`, { cause: error });
}
/**
 * The HTTP status of an error thrown by Octokit, if GitHub answered. Octokit
 * gives network failures status 500 too, but no response.
 */
function statusOf(error) {
    const { status, response } = (error ?? {});
    if (response === undefined || typeof status !== 'number')
        return undefined;
    return status;
}
/** A 403 or 429 from a rate limit, not from a missing permission. */
function isRateLimited(error) {
    const status = statusOf(error);
    if (status !== 403 && status !== 429)
        return false;
    const { response } = error;
    const remaining = response?.headers?.['x-ratelimit-remaining'];
    return remaining === '0' || /rate limit/i.test((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error));
}
/** Real tokens are far longer; cutting out a short one would mangle words. */
const MIN_TOKEN_LENGTH = 8;
function redact(text, token) {
    return token.length >= MIN_TOKEN_LENGTH ? text.replaceAll(token, '***') : text;
}
/**
 * An error for a failed GitHub API call: what failed, GitHub's answer and
 * what to check. `permission` is the `permissions:` entry the call needs.
 * The token is cut out of the message in case any part echoes it.
 */
function gitHubApiError(action, error, token, permission) {
    const status = statusOf(error);
    const answer = (0,_plain_text_js__WEBPACK_IMPORTED_MODULE_2__/* .plainText */ .w)((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error));
    const failed = status ? `failed with HTTP ${status}: ${answer}` : `failed: ${answer}`;
    const message = `${action} ${failed}${hint(error, permission)}`;
    return new Error(redact(message, token), { cause: error });
}
function hint(error, permission) {
    const status = statusOf(error);
    if (status === 401)
        return '. Check the token given to the action.';
    if (isRateLimited(error))
        return '. The API rate limit was reached; re-run the job later.';
    if (status !== 403 && status !== 404)
        return '';
    const reach = 'Check that the token can reach the repository and that the job has';
    return `. ${reach} \`permissions: ${permission}\`.`;
}


/***/ })

};

//# sourceMappingURL=901.index.js.map