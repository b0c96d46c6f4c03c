import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../src/search/question.js';

describe('English questions', () => {
  it.each([
    ['cashier', 'role', undefined, 'cashier'],
    ['/role cashier', 'role', undefined, 'cashier'],
    ['Sous Chef', 'role', undefined, 'sous chef'],
    ['what does a driver do?', 'role', undefined, 'driver'],
    ['who does the cashier report to?', 'field', 'reportsTo', 'cashier'],
    ["who is the cashier's boss", 'field', 'reportsTo', 'cashier'],
    ['who reports to the finance manager?', 'field', 'directReports', 'finance manager'],
    ['requirements for the sous chef', 'field', 'requirements', 'sous chef'],
    ['What are the requirements for a security guard?', 'field', 'requirements', 'security guard'],
    ['what does it take to become a chef', 'field', 'requirements', 'chef'],
    ['which department is the accountant in?', 'field', 'department', 'accountant'],
    ['duties of the warehouse keeper', 'field', 'duties', 'warehouse keeper'],
    ['what is the driver responsible for', 'field', 'duties', 'driver'],
    ['Who handles customer complaints?', 'who', undefined, 'customer complaints'],
    ['which team is responsible for patrolling', 'who', undefined, 'patrolling'],
    ['please tell me who takes care of the warehouse', 'who', undefined, 'the warehouse'],
    // any verb after who asks who does it; who is + an article still asks for a role
    ['who schedules the nurse shifts?', 'who', undefined, 'schedules the nurse shifts'],
    ['Who fixes the printer', 'who', undefined, 'fixes the printer'],
    ['who is on call at night?', 'who', undefined, 'is on call at night'],
    ['who do I contact about payslips?', 'who', undefined, 'payslips'],
    ['who is the cashier', 'role', undefined, 'cashier'],
    // modal questions and the clause before a who question
    ['who can approve a bigger discount?', 'who', undefined, 'approve a bigger discount'],
    ['who do I call to book a patient appointment', 'who', undefined, 'book a patient appointment'],
    ['who can tell me how my claim is going?', 'who', undefined, 'how my claim is going'],
    ['my printer is jammed, who can help?', 'who', undefined, 'my printer is jammed'],
    ["my laptop won't boot, who do I contact?", 'who', undefined, "my laptop won't boot"],
    ["who's on call tonight?", 'who', undefined, 'is on call tonight'],
    ['who spot-checks the calls?', 'who', undefined, 'spot-checks the calls'],
    ['how do I get reimbursed for travel?', 'who', undefined, 'get reimbursed for travel'],
    ['where can I return a library book', 'who', undefined, 'return a library book'],
    ['head nurse job description', 'role', undefined, 'head nurse'],
    ['Sous Chef JD', 'role', undefined, 'sous chef'],
    ['who was the first manager', 'role', undefined, 'who was the first manager'],
  ])('%s → %s %s (%s)', (q, intent, field, phrase) => {
    const p = parseQuestion(q);
    expect(p.lang).toBe('en');
    expect(p.intent).toBe(intent);
    expect(p.field).toBe(field);
    expect(p.intent === 'who' ? p.topic : p.phrase).toBe(phrase);
  });

  it('leaves Chinese, pinyin-looking and mixed questions to the Chinese rules', () => {
    expect(parseQuestion('客服主管的上级是谁').lang).toBe('zh');
    expect(parseQuestion('TAM的上级是谁')).toMatchObject({ lang: 'zh', intent: 'field', field: 'reportsTo' });
  });

  it('keeps the English words of a Chinese question as typed, to be translated', () => {
    expect(parseQuestion('cashier主要干什么')).toMatchObject({ lang: 'zh', intent: 'role', phrase: 'cashier' });
    expect(parseQuestion('Head Chef的工作内容')).toMatchObject({ lang: 'zh', intent: 'field', field: 'duties', phrase: 'head chef' });
    expect(parseQuestion('petty cash谁管')).toMatchObject({ lang: 'zh', intent: 'who', phrase: 'petty cash' });
    // Chinese in the name: its own words are searched, nothing to translate
    expect(parseQuestion('HR专员的职责').phrase).toBeUndefined();
    expect(parseQuestion('客服主管的职责').phrase).toBeUndefined();
  });
});

describe('colloquial Chinese requirement questions', () => {
  it.each(['司机有什么要求', '电工要什么证', '厨师需要哪些资质'])('%s asks for requirements', (q) => {
    expect(parseQuestion(q)).toMatchObject({ lang: 'zh', intent: 'field', field: 'requirements' });
  });
});
