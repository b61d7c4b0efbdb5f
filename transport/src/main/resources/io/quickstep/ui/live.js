// The live view of quickstep serve: polls GET /ui/api/live, draws each state machine's diagram once
// (GET /ui/api/diagram) and writes the figures on its states; a chosen execution is drawn with its
// path (GET /ui/api/execution). Plain script, no library, no build step: text goes in with
// textContent, SVG through DOMParser, never as HTML.
'use strict';
(function () {
  const POLL_MS = 1000;
  const RATE_WINDOW_MS = 5000;
  const machines = new Map();
  let chosen = null;
  const statusLine = document.getElementById('status');
  const list = document.getElementById('machines');
  const panel = document.getElementById('execution');

  async function get(url, as) {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error(url + ': HTTP ' + response.status + ' ' + (await response.text()));
    }
    return as === 'text' ? response.text() : response.json();
  }

  function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  function svgOf(text) {
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    return document.importNode(parsed.documentElement, true);
  }

  function duration(ms) {
    if (ms === undefined || ms === null) return '–';
    if (ms < 1) return '<1 ms';
    return ms < 1000 ? ms + ' ms' : (ms / 1000).toFixed(ms < 10000 ? 2 : 1) + ' s';
  }

  // A time in microseconds, in µs below a millisecond.
  function micros(us) {
    if (us === undefined || us === null) return '–';
    return us < 1000 ? us + ' µs' : duration(Math.round(us / 1000));
  }

  function time(ms) {
    return ms ? new Date(ms).toLocaleTimeString() : '';
  }

  function section(machine) {
    const view = { section: element('section', 'machine'), revision: null, samples: [] };
    view.section.dataset.machine = machine.name;
    const header = element('header');
    header.append(element('h2', null, machine.name), element('span', 'badge', machine.type),
      element('span', 'badge', 'logging ' + machine.logLevel + (machine.includeData ? ' with data' : '')));
    view.totals = element('p', 'totals');
    header.append(view.totals);
    const body = element('div', 'body');
    view.diagram = element('div', 'diagram');
    const side = element('div', 'side');
    side.append(element('h3', null, 'Recent executions'));
    view.note = element('p', 'note');
    const table = element('table', 'executions');
    table.createTHead().insertRow().append(element('th', null, 'Name'), element('th', null, 'Status'),
      element('th', null, 'Started'), element('th', null, 'Took'));
    view.executions = table.createTBody();
    side.append(table, view.note);
    view.side = side;
    body.append(view.diagram, side);
    view.section.append(header, body);
    list.append(view.section);
    return view;
  }

  async function drawDiagram(view, machine) {
    view.revision = machine.revision;
    view.states = new Map();
    if (machine.problem) {
      view.diagram.replaceChildren(element('p', 'note', 'Cannot be drawn: ' + machine.problem));
      return;
    }
    const svg = svgOf(await get('/ui/api/diagram?machine=' + encodeURIComponent(machine.name), 'text'));
    view.diagram.replaceChildren(svg);
    svg.querySelectorAll('g.state').forEach(function (g) { view.states.set(g.dataset.state, g); });
  }

  // Entries per second over the last few seconds, from the engine's counts the polls brought.
  function rates(view, at, states) {
    view.samples.push({ at: at, states: states });
    while (view.samples.length > 2 && at - view.samples[1].at >= RATE_WINDOW_MS) view.samples.shift();
    const first = view.samples[0];
    const seconds = (at - first.at) / 1000;
    const result = new Map();
    Object.keys(states).forEach(function (name) {
      const before = first.states[name] ? first.states[name].entered : 0;
      result.set(name, seconds > 0 ? (states[name].entered - before) / seconds : null);
    });
    return result;
  }

  function writeFigures(view, machine, at) {
    const rate = rates(view, at, machine.states);
    view.states.forEach(function (g, name) {
      const figures = machine.states[name] || { entered: 0, errors: 0, sampled: 0 };
      const perSecond = rate.get(name);
      g.dataset.entered = figures.entered;
      g.dataset.errors = figures.errors;
      g.dataset.sampled = figures.sampled;
      const rateLine = g.querySelector(':scope > text.live.rate');
      const latencyLine = g.querySelector(':scope > text.live.latency');
      rateLine.textContent = (perSecond === null ? '–' : perSecond.toFixed(1)) + '/s · ' + figures.entered
        + ' in · ' + figures.errors + ' err';
      rateLine.classList.toggle('errors', figures.errors > 0);
      latencyLine.textContent = figures.sampled > 0
        ? 'p50 ' + micros(figures.p50Us) + ' · p99 ' + micros(figures.p99Us) : '';
    });
    view.totals.replaceChildren();
    [['started', machine.started], ['running', machine.running], ['succeeded', machine.succeeded],
      ['failed', machine.failed + machine.timedOut + machine.aborted]].forEach(function (pair) {
      view.totals.append(element('b', null, String(pair[1])), ' ' + pair[0] + '  ');
    });
    if (machine.window.executions > 0) {
      view.totals.append('latency p50 ', element('b', null, duration(machine.window.p50Ms)), ' p99 ',
        element('b', null, duration(machine.window.p99Ms)), ' (last ' + machine.window.executions + ')');
    }
    view.note.textContent = 'Per state: entries per second and in all, failed attempts, and p50/p99 time from '
      + 'entry to exit' + (machine.sampling > 1 ? ' over one execution in ' + machine.sampling
        : machine.sampling === 1 ? ' over every execution' : ' (not measured: sampling 0)')
      + ', since the server started.';
  }

  function writeExecutions(view, executions) {
    view.executions.replaceChildren();
    executions.forEach(function (execution) {
      const row = view.executions.insertRow();
      row.dataset.arn = execution.executionArn;
      row.classList.toggle('chosen', execution.executionArn === chosen);
      const open = element('button', null, execution.name);
      open.type = 'button';
      const started = Math.round(execution.startDate * 1000);
      const took = execution.stopDate ? duration(Math.round(execution.stopDate * 1000) - started) : '';
      row.append(cell(open), element('td', 'status-' + execution.status, execution.status),
        element('td', null, time(started)), element('td', null, took));
      row.addEventListener('click', function () { choose(execution.executionArn, view); });
    });
  }

  function cell(child) {
    const td = element('td');
    td.append(child);
    return td;
  }

  async function poll() {
    try {
      const live = await get('/ui/api/live');
      const seen = new Set();
      for (const machine of live.machines) {
        seen.add(machine.name);
        let view = machines.get(machine.name);
        if (!view) {
          view = section(machine);
          machines.set(machine.name, view);
        }
        if (view.revision !== machine.revision) {
          await drawDiagram(view, machine);
          view.samples = [];
        }
        writeFigures(view, machine, live.at);
        writeExecutions(view, machine.executions);
      }
      machines.forEach(function (view, name) {
        if (!seen.has(name)) {
          if (view.side.contains(panel)) closeExecution();
          view.section.remove();
          machines.delete(name);
        }
      });
      statusLine.textContent = live.machines.length + ' state machines · updated ' + time(live.at);
      statusLine.classList.remove('error');
      if (chosen && panel.dataset.status === 'RUNNING') await showExecution(chosen);
    } catch (e) {
      statusLine.textContent = 'not updated: ' + e.message;
      statusLine.classList.add('error');
    }
    setTimeout(poll, POLL_MS);
  }

  // The chosen execution is shown beside its machine's live diagram, under its list of executions.
  async function choose(arn, view) {
    chosen = arn;
    view.side.append(panel);
    document.querySelectorAll('.executions tr').forEach(function (row) {
      row.classList.toggle('chosen', row.dataset.arn === arn);
    });
    try {
      await showExecution(arn);
      panel.scrollIntoView({ block: 'nearest' });
    } catch (e) {
      statusLine.textContent = 'execution not shown: ' + e.message;
      statusLine.classList.add('error');
    }
  }

  async function showExecution(arn) {
    const execution = await get('/ui/api/execution?arn=' + encodeURIComponent(arn));
    panel.hidden = false;
    panel.dataset.arn = arn;
    panel.dataset.status = execution.status;
    panel.querySelector('.name').textContent = execution.stateMachine + ' / ' + execution.name;
    const status = panel.querySelector('.status');
    status.textContent = execution.status;
    status.className = 'status status-' + execution.status;
    panel.querySelector('.meta').textContent = 'started ' + time(execution.startMillis)
      + (execution.stopMillis ? ', took ' + duration(execution.stopMillis - execution.startMillis) : '')
      + (execution.error ? ' · ' + execution.error + ': ' + (execution.cause || '') : '');
    const host = panel.querySelector('.diagram');
    host.replaceChildren(execution.svg ? svgOf(execution.svg) : element('p', 'note', execution.problem || ''));
    host.querySelectorAll('g.state').forEach(function (g) {
      g.addEventListener('click', function (event) {
        event.stopPropagation();
        select(g.dataset.state);
      });
    });
    const rows = panel.querySelector('.steps tbody');
    rows.replaceChildren();
    execution.steps.forEach(function (step, i) {
      const row = rows.insertRow();
      row.dataset.state = step.state;
      row.append(element('td', null, String(i + 1)), element('td', null, step.state), element('td', null, step.type),
        element('td', null, step.exitedMillis ? duration(step.exitedMillis - step.enteredMillis) : ''),
        cell(element('pre', null, step.input === undefined ? '' : step.input)),
        cell(element('pre', null, step.output === undefined ? '' : step.output)),
        element('td', null, step.error ? step.error + (step.cause ? ': ' + step.cause : '') : ''));
    });
    panel.querySelector('.note').textContent = execution.steps.length === 0
      ? 'No state events: this machine\'s executions record them with serve --log-level ALL.'
      : (execution.truncated ? 'The first events only. ' : '') + 'Click a state to find its steps.';
  }

  function select(state) {
    panel.querySelectorAll('g.state').forEach(function (g) { g.classList.toggle('selected', g.dataset.state === state); });
    let first = null;
    panel.querySelectorAll('.steps tbody tr').forEach(function (row) {
      const match = row.dataset.state === state;
      row.classList.toggle('selected', match);
      if (match && !first) first = row;
    });
    if (first) first.scrollIntoView({ block: 'nearest' });
  }

  function closeExecution() {
    panel.hidden = true;
    chosen = null;
    document.querySelector('main').append(panel);
  }

  panel.querySelector('.close').addEventListener('click', closeExecution);
  poll();
})();
