-- Run by scripts/nvim-lsp-e2e.sh: Neovim's built-in LSP client starts `notekit lsp` on a copy of
-- Notes/, opens a note, waits for notekit's diagnostics, applies the quick fix of one, writes the
-- file and waits for the diagnostics to clear. Exits 0 on success, 1 (cquit) on failure.
local function fail(message)
  io.stderr:write("nvim-lsp-e2e: " .. message .. "\n")
  vim.cmd("cquit 1")
end

local function run()
  local root, note, rule = vim.env.VAULT, vim.env.NOTE, vim.env.RULE
  vim.cmd("edit " .. vim.fn.fnameescape(root .. "/" .. note))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({ name = "notekit", cmd = { vim.env.NOTEKIT, "lsp" }, root_dir = root })
  if not client_id then return fail("notekit lsp did not start") end
  vim.lsp.buf_attach_client(bufnr, client_id)
  local function lsp_diagnostics()
    return vim.diagnostic.get(bufnr)
  end
  local target
  vim.wait(20000, function()
    for _, d in ipairs(lsp_diagnostics()) do
      if d.code == rule then target = d end
    end
    return target ~= nil
  end, 50)
  if not target then return fail("no " .. rule .. " diagnostic from notekit") end
  if target.source ~= "notekit" then return fail("diagnostic source " .. tostring(target.source)) end
  io.stdout:write("nvim-lsp-e2e: received " .. #lsp_diagnostics() .. " diagnostics, " .. rule .. " among them\n")

  local client = vim.lsp.get_client_by_id(client_id)
  local response = client.request_sync("textDocument/codeAction", {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = target.lnum, character = 0 }, ["end"] = { line = target.end_lnum + 1, character = 0 } },
    context = { diagnostics = {} },
  }, 10000, bufnr)
  if not response or response.err then return fail("codeAction failed: " .. vim.inspect(response)) end
  local action
  for _, a in ipairs(response.result or {}) do
    if a.kind == "quickfix" and a.edit and a.isPreferred then action = a end
  end
  if not action then return fail("no safe quick fix among " .. vim.inspect(response.result)) end
  io.stdout:write("nvim-lsp-e2e: applying '" .. action.title .. "'\n")
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or "utf-16")
  vim.cmd("silent write")
  local cleared = vim.wait(20000, function()
    for _, d in ipairs(lsp_diagnostics()) do
      if d.code == rule then return false end
    end
    return true
  end, 50)
  if not cleared then return fail(rule .. " is still reported after the fix") end
  vim.lsp.stop_client(client_id)
  vim.cmd("qall!")
end

local ok, err = pcall(run)
if not ok then fail(tostring(err)) end
