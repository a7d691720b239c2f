// Example host of an embedded Flow Lab: drives it with postMessage (protocol version 1,
// docs/embedding.md) and shows its state and step events. Plain script, no build step.
//
// `?lab=backend%3Dwasm` on this page's address adds `&backend=wasm` to the lab's address.
(function () {
  'use strict';
  var frame = document.getElementById('lab');
  // The lab's address is set here (not in the HTML) so that it loads once, with any extras.
  var extra = new URLSearchParams(location.search).get('lab');
  frame.src = frame.dataset.src + (extra ? '&' + extra : '');
  var stateText = document.getElementById('state');
  var events = document.getElementById('events');

  function send(message) {
    // A sandboxed frame has an opaque origin, so the target origin must be '*'. With an
    // unsandboxed frame on a known server, name its origin instead.
    frame.contentWindow.postMessage(Object.assign({ version: 1 }, message), '*');
  }

  function log(text) {
    var item = document.createElement('li');
    item.textContent = text;
    events.prepend(item);
    while (events.children.length > 50) events.lastChild.remove();
  }

  window.addEventListener('message', function (event) {
    // Only our frame's messages, and only Flow Lab events.
    if (event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || typeof data.type !== 'string' || data.type.indexOf('flowlab:') !== 0) return;
    if (data.type === 'flowlab:state') {
      stateText.textContent =
        'Flow: ' + data.params.flow + ' · data: ' + data.params.dataset + ' · phase: ' + data.phase +
        ' · step: ' + data.step + ' · NLL: ' + (data.nll === null ? '–' : data.nll.toFixed(3));
    } else if (data.type === 'flowlab:step') {
      log('step ' + data.step + (data.nll === null ? '' : ', NLL ' + data.nll.toFixed(3)));
    } else if (data.type === 'flowlab:ready') {
      log('ready (' + data.panel + ')');
    } else if (data.type === 'flowlab:invalid') {
      log('ignored params: ' + data.params.join(', '));
    }
  });

  document.querySelectorAll('[data-flow]').forEach(function (button) {
    button.addEventListener('click', function () {
      send({ type: 'flowlab:set', params: { flow: button.dataset.flow } });
    });
  });
  document.getElementById('dataset').addEventListener('change', function (event) {
    send({ type: 'flowlab:set', params: { dataset: event.target.value } });
  });
  document.querySelectorAll('[data-command]').forEach(function (button) {
    button.addEventListener('click', function () {
      send({ type: 'flowlab:' + button.dataset.command });
    });
  });
  document.querySelectorAll('[data-step]').forEach(function (button) {
    button.addEventListener('click', function () {
      send({ type: 'flowlab:step', count: Number(button.dataset.step) });
    });
  });
})();
