export const id = 525;
export const ids = [525,964];
export const modules = {

/***/ 5525:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commentMarker: () => (/* binding */ commentMarker),
/* harmony export */   upsertComment: () => (/* binding */ upsertComment)
/* harmony export */ });
/* unused harmony exports COMMENT_MARKER, MAX_COMMENT_LENGTH, commentText */
/* harmony import */ var _pull_request_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5964);

/** The first line of the action's comment, hidden when rendered; finds it again on the next run. */
const COMMENT_MARKER = '<!-- filestack-workflows-action -->';
/**
 * A marker of its own for each place the action runs from (workflow, job,
 * shard), so that shards and parallel steps keep separate comments
 * instead of overwriting each other's.
 */
function commentMarker(scope) {
    const key = scope.replace(/[^\w ./:|-]/g, '_').slice(0, 200);
    return key ? `<!-- filestack-workflows-action ${key} -->` : COMMENT_MARKER;
}
/** GitHub refuses comment bodies longer than this many characters. */
const MAX_COMMENT_LENGTH = 65_536;
const CUT_NOTE = `\n\n*(cut to fit GitHub's limit of ${MAX_COMMENT_LENGTH} characters per comment)*`;
/** The body to send: the marker line, then `body`, cut to GitHub's limit. */
function commentText(body, marker = COMMENT_MARKER) {
    const text = body.startsWith(marker) ? body : `${marker}\n${body}`;
    if (text.length <= MAX_COMMENT_LENGTH)
        return text;
    let end = MAX_COMMENT_LENGTH - CUT_NOTE.length;
    if (/[\uD800-\uDBFF]/.test(text[end - 1]))
        end -= 1;
    return text.slice(0, end) + CUT_NOTE;
}
/**
 * The action's earlier comment: one by a bot that starts with the marker.
 * Only bots count because a person cannot post as one, so a comment of
 * someone else that carries the marker is never overwritten.
 */
function earlierComment(comments, marker) {
    return comments.find((comment) => comment.user?.type === 'Bot' && comment.body?.split('\n')[0] === marker);
}
/**
 * Posts `body` on the pull request, or replaces the action's earlier
 * comment there so that re-runs keep one comment up to date. The earlier
 * comment is one that starts with the marker and whose author is a bot,
 * as github-actions[bot] and GitHub Apps are: comments of people are
 * never changed, even when they start with the marker. With a personal
 * access token the action comments as a person, so each run adds a new
 * comment. A 403 other than a rate limit means the token may not comment
 * (as for pull requests from forks) and gives 'not-permitted'. `signal`
 * ends the calls, so a GitHub API that stops answering cannot hold the run.
 */
async function upsertComment(token, pr, body, signal, marker = COMMENT_MARKER) {
    const started = Date.now();
    const where = (0,_pull_request_js__WEBPACK_IMPORTED_MODULE_0__.describePullRequest)(pr);
    const issue = { owner: pr.owner, repo: pr.repo, issue_number: pr.number };
    let action = `Reading the comments of pull request ${where}`;
    try {
        const octokit = await (0,_pull_request_js__WEBPACK_IMPORTED_MODULE_0__/* .gitHubClient */ .XB)(token, signal);
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
            ...issue,
            per_page: 100
        });
        const earlier = earlierComment(comments, marker);
        if (earlier) {
            action = `Updating comment ${earlier.id} on pull request ${where}`;
            const update = { owner: pr.owner, repo: pr.repo, comment_id: earlier.id };
            // Another bot's comment with the marker cannot be edited: a new comment is posted instead.
            const updated = await octokit.rest.issues.updateComment({ ...update, body: commentText(body, marker) }).then(() => true, (error) => {
                if ((0,_pull_request_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) === 403 && !(0,_pull_request_js__WEBPACK_IMPORTED_MODULE_0__/* .isRateLimited */ .Jz)(error))
                    return false;
                throw error;
            });
            if (updated)
                return 'updated';
        }
        action = `Commenting on pull request ${where}`;
        await octokit.rest.issues.createComment({ ...issue, body: commentText(body, marker) });
        return 'created';
    }
    catch (error) {
        const cutShort = (0,_pull_request_js__WEBPACK_IMPORTED_MODULE_0__/* .cutShortError */ .nw)(action, error, signal, started);
        if (cutShort)
            throw cutShort;
        if ((0,_pull_request_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) === 403 && !(0,_pull_request_js__WEBPACK_IMPORTED_MODULE_0__/* .isRateLimited */ .Jz)(error))
            return 'not-permitted';
        throw (0,_pull_request_js__WEBPACK_IMPORTED_MODULE_0__/* .gitHubApiError */ .q)(action, error, token, 'pull-requests: write');
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

//# sourceMappingURL=525.index.js.map