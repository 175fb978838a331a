-- Run by tests/lsp/test_neovim.py in `nvim --headless -u init.lua DOC -c "luafile check.lua"`:
-- wait for the diagnostics of DOC, then print them, a hover and the code actions on the
-- first one, as Neovim's own client got them.
vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local diagnostics = vim.diagnostic.get(0)
for _, d in ipairs(diagnostics) do
  print(string.format("diagnostic %d:%d-%d:%d %s %s", d.lnum + 1, d.col + 1, d.end_lnum + 1, d.end_col + 1, d.code, d.source))
end
if #diagnostics > 0 then
  local position = { line = diagnostics[1].lnum, character = diagnostics[1].col + 4 }
  local document = vim.lsp.util.make_text_document_params()
  local hover = vim.lsp.buf_request_sync(0, "textDocument/hover", { textDocument = document, position = position }, 60000)
  for _, r in pairs(hover or {}) do
    print("hover " .. vim.split(r.result.contents.value, "\n")[1])
  end
  local actions = vim.lsp.buf_request_sync(0, "textDocument/codeAction", {
    textDocument = document,
    range = { start = position, ["end"] = position },
    context = { diagnostics = {} },
  }, 60000)
  for _, r in pairs(actions or {}) do
    for _, a in ipairs(r.result) do print("action " .. a.title) end
  end
end
vim.cmd("qa!")
