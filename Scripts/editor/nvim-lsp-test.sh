#!/usr/bin/env bash
# A real LSP client against `wekaql lsp`: Neovim, headless, opens a .wql file with a mistake, waits for
# the diagnostic and checks its line and column, then asks for completion and checks that a field is
# offered. Prints PASS or FAIL and exits non-zero on failure. Run by `./dev.sh test`.
#   Scripts/editor/nvim-lsp-test.sh [PATH/TO/wekaql]     (default: the debug build)
set -euo pipefail
cd "$(dirname "$0")/../.."
wekaql="${1:-$(swift build --show-bin-path)/wekaql}"
if ! command -v nvim >/dev/null 2>&1; then
    if [ "${CI:-}" = "true" ]; then echo "FAIL nvim-lsp-test: nvim is not installed" >&2; exit 1; fi
    echo "warning: nvim-lsp-test skipped: nvim is not installed (apt-get install neovim)" >&2
    exit 0
fi
[ -x "$wekaql" ] || { echo "FAIL nvim-lsp-test: no wekaql binary at $wekaql (swift build first)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Line 2 has the mistake (`contry`): E0201 at line 2, column 15, which Neovim counts from 0 (1, 14).
cat > "$work/report.wql" <<'WQL'
# Arrests in Côte d’Ivoire and elsewhere
arrests where contry = "Togo"
arrests where cou
WQL

cat > "$work/init.lua" <<LUA
-- Written for Neovim 0.7 (Debian's): start_client and buf_attach_client rather than vim.lsp.start.
local wekaql, work = [[$wekaql]], [[$work]]
local function finish(ok, message)
  io.stdout:write("\n" .. (ok and "PASS" or "FAIL") .. " nvim-lsp-test: " .. message .. "\n")
  vim.cmd(ok and "qall!" or "cquit! 1")
end
local client = vim.lsp.start_client({ name = "wekaql", cmd = { wekaql, "lsp" }, root_dir = work })
if not client then finish(false, "could not start " .. wekaql .. " lsp") end
vim.cmd("edit " .. work .. "/report.wql")
local buffer = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buffer, client)

local arrived = vim.wait(15000, function() return #vim.diagnostic.get(buffer) > 0 end, 50)
if not arrived then finish(false, "no diagnostic arrived within 15 s") end
local first = vim.diagnostic.get(buffer)[1]
if first.lnum ~= 1 or first.col ~= 14 then
  finish(false, string.format("the diagnostic is at line %d, column %d (0-based); expected 1, 14: %s", first.lnum, first.col, first.message))
end
if not first.message:find("contry", 1, true) then finish(false, "unexpected diagnostic: " .. first.message) end

local params = { textDocument = { uri = vim.uri_from_bufnr(buffer) }, position = { line = 2, character = 17 } }
local responses = vim.lsp.buf_request_sync(buffer, "textDocument/completion", params, 15000)
local labels = {}
for _, response in pairs(responses or {}) do
  local items = response.result and (response.result.items or response.result) or {}
  for _, item in ipairs(items) do table.insert(labels, item.label) end
end
if not vim.tbl_contains(labels, "country") then
  finish(false, "completion after \"where cou\" did not offer the field country; got: " .. table.concat(labels, ", "))
end
finish(true, string.format("diagnostic at 2:15 (%s); completion offers country", first.message:match("^[^\n]*")))
LUA

status=0
output="$(timeout 60 nvim --headless -n -i NONE -u "$work/init.lua" 2>&1)" || status=$?
if [ "$status" -eq 124 ]; then echo "FAIL nvim-lsp-test: Neovim did not finish within 60 s" >&2; echo "$output" >&2; exit 1; fi
echo "$output" | grep -E '^(PASS|FAIL) nvim-lsp-test' || { echo "FAIL nvim-lsp-test: no result from Neovim (status $status):" >&2; echo "$output" >&2; exit 1; }
echo "$output" | grep -q '^PASS nvim-lsp-test' && [ "$status" -eq 0 ] || exit 1
