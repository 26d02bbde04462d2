// The wekaql extension: starts `wekaql lsp` and connects it to VS Code. A small hand-written LSP client
// (Content-Length framed JSON-RPC over the server's standard input and output), so that the extension
// needs no npm packages and no build.
'use strict';
const vscode = require('vscode');
const { spawn } = require('child_process');

let server = null;
let pending = new Map();
let nextId = 1;
let buffer = Buffer.alloc(0);

function send(message) {
  const body = Buffer.from(JSON.stringify(Object.assign({ jsonrpc: '2.0' }, message)), 'utf8');
  server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  server.stdin.write(body);
}

function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}

function notify(method, params) { send({ method, params }); }

function receive(chunk, onNotification) {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const match = /content-length:\s*(\d+)/i.exec(buffer.slice(0, end).toString('ascii'));
    const length = match ? Number(match[1]) : 0;
    if (buffer.length < end + 4 + length) return;
    const message = JSON.parse(buffer.slice(end + 4, end + 4 + length).toString('utf8'));
    buffer = buffer.slice(end + 4 + length);
    if (message.id !== undefined && pending.has(message.id)) {
      const { resolve, reject } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(message.error.message)); else resolve(message.result);
    } else if (message.method) {
      onNotification(message);
    }
  }
}

const range = (r) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
const position = (p) => ({ line: p.line, character: p.character });
const documentParams = (document) => ({ textDocument: { uri: document.uri.toString() } });
const isWekaql = (document) => document.languageId === 'wekaql';

async function activate(context) {
  const config = vscode.workspace.getConfiguration('wekaql');
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  const output = vscode.window.createOutputChannel('wekaql');
  server = spawn(config.get('server.path', 'wekaql'), ['lsp', ...config.get('server.arguments', [])],
    { cwd: folder ? folder.uri.fsPath : undefined });
  server.on('error', (error) => vscode.window.showErrorMessage(`wekaql lsp could not start: ${error.message} (set wekaql.server.path)`));
  server.stderr.on('data', (data) => output.append(data.toString()));
  const diagnostics = vscode.languages.createDiagnosticCollection('wekaql');
  context.subscriptions.push(diagnostics, output);
  server.stdout.on('data', (chunk) => receive(chunk, (message) => {
    if (message.method === 'textDocument/publishDiagnostics') {
      const severities = [null, vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Warning, vscode.DiagnosticSeverity.Information];
      diagnostics.set(vscode.Uri.parse(message.params.uri), message.params.diagnostics.map((d) => {
        const diagnostic = new vscode.Diagnostic(range(d.range), d.message, severities[d.severity] || vscode.DiagnosticSeverity.Error);
        diagnostic.code = d.code;
        diagnostic.source = d.source;
        return diagnostic;
      }));
    } else if (message.method === 'window/showMessage') {
      vscode.window.showErrorMessage(message.params.message);
    }
  }));

  const initialized = await request('initialize', {
    processId: process.pid,
    rootUri: folder ? folder.uri.toString() : null,
    capabilities: {},
    initializationOptions: { data: config.get('data', []) },
  });
  notify('initialized', {});
  const legend = new vscode.SemanticTokensLegend(initialized.capabilities.semanticTokensProvider.legend.tokenTypes, []);

  const open = (document) => isWekaql(document) && notify('textDocument/didOpen',
    { textDocument: { uri: document.uri.toString(), languageId: 'wekaql', version: document.version, text: document.getText() } });
  vscode.workspace.textDocuments.forEach(open);
  const selector = { language: 'wekaql' };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(open),
    vscode.workspace.onDidChangeTextDocument((event) => isWekaql(event.document) && notify('textDocument/didChange', {
      textDocument: { uri: event.document.uri.toString(), version: event.document.version },
      contentChanges: [{ text: event.document.getText() }],
    })),
    vscode.workspace.onDidCloseTextDocument((document) => isWekaql(document) && notify('textDocument/didClose', documentParams(document))),
    vscode.languages.registerCompletionItemProvider(selector, {
      async provideCompletionItems(document, at) {
        const result = await request('textDocument/completion', Object.assign(documentParams(document), { position: position(at) }));
        return result.items.map((item) => {
          const completion = new vscode.CompletionItem(item.label, item.kind - 1);
          completion.detail = item.detail;
          completion.sortText = item.sortText;
          completion.filterText = item.filterText;
          completion.range = range(item.textEdit.range);
          completion.insertText = item.textEdit.newText;
          if (item.documentation) completion.documentation = new vscode.MarkdownString(item.documentation.value);
          return completion;
        });
      },
    }, '"', '`', '|'),
    vscode.languages.registerHoverProvider(selector, {
      async provideHover(document, at) {
        const result = await request('textDocument/hover', Object.assign(documentParams(document), { position: position(at) }));
        return result && new vscode.Hover(new vscode.MarkdownString(result.contents.value), range(result.range));
      },
    }),
    vscode.languages.registerDocumentFormattingEditProvider(selector, {
      async provideDocumentFormattingEdits(document) {
        const edits = await request('textDocument/formatting', Object.assign(documentParams(document), { options: {} }));
        return edits.map((edit) => vscode.TextEdit.replace(range(edit.range), edit.newText));
      },
    }),
    vscode.languages.registerDefinitionProvider(selector, {
      async provideDefinition(document, at) {
        const result = await request('textDocument/definition', Object.assign(documentParams(document), { position: position(at) }));
        return result && new vscode.Location(vscode.Uri.parse(result.uri), range(result.range));
      },
    }),
    vscode.languages.registerDocumentSymbolProvider(selector, {
      async provideDocumentSymbols(document) {
        const symbols = await request('textDocument/documentSymbol', documentParams(document));
        return symbols.map((s) => new vscode.DocumentSymbol(s.name, s.detail, s.kind - 1, range(s.range), range(s.selectionRange)));
      },
    }),
    vscode.languages.registerDocumentSemanticTokensProvider(selector, {
      async provideDocumentSemanticTokens(document) {
        const result = await request('textDocument/semanticTokens/full', documentParams(document));
        return new vscode.SemanticTokens(new Uint32Array(result.data));
      },
    }, legend),
  );
}

async function deactivate() {
  if (!server) return;
  try { await request('shutdown', null); notify('exit', null); } catch (error) { server.kill(); }
}

module.exports = { activate, deactivate };
